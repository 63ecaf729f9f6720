using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Application;

/// <summary>Reads the inbound log; the bodies (up to 1 MB each) are cut in the database, not after loading them.</summary>
public sealed class InboundWebhookAppService(IntegrationsDbContext db, MessageFormatter words) : IInboundWebhookAppService
{
    public const int MaxCount = 500;

    public async Task<IReadOnlyList<InboundWebhookDto>> GetLatestAsync(int count = 100, int bodyChars = 4000,
        CancellationToken cancellationToken = default)
    {
        count = Math.Clamp(count, 1, MaxCount);
        bodyChars = Math.Clamp(bodyChars, 0, 100_000);
        var rows = await db.InboundWebhooks.AsNoTracking()
            .OrderByDescending(w => w.ReceivedAt)
            .Take(count)
            .Select(w => new
            {
                w.Id, w.ReceivedAt, w.Channel, w.Source, w.EventType, w.WebhookId, w.State, w.Result, w.OrderId,
                BodyStart = w.Body.Substring(0, bodyChars), BodyLength = w.Body.Length,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(w => new InboundWebhookDto(w.Id, w.ReceivedAt, w.Channel, w.Source, w.EventType, w.WebhookId,
            w.State switch
            {
                InboundState.Processed => InboundWebhookState.Processed,
                InboundState.Rejected => InboundWebhookState.Rejected,
                _ => InboundWebhookState.Received,
            },
            w.Result is null ? null : words.Format(w.Result), w.OrderId, w.BodyStart, w.BodyLength > bodyChars)).ToList();
    }
}
