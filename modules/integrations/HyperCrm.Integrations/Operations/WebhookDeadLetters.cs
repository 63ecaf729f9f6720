using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Operations;

/// <summary>Partner webhook deliveries that failed for good, in the console's list: replay (retry) or cancel (skip).</summary>
public sealed class WebhookDeadLetters(IntegrationsDbContext db, IWebhookSubscriptionAppService subscriptions) : IDeadLetterSource
{
    public string Source => "webhook";

    public async Task<IReadOnlyList<DeadLetterItem>> ListAsync(string? search, int take, CancellationToken cancellationToken)
    {
        var query = db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Failed);
        if (search is { Length: > 0 }) query = query.Where(d => EF.Functions.ILike(d.EventType, LikePattern.Contains(search)));
        var rows = await query.OrderByDescending(d => d.CreatedAt).Take(take)
            .Select(d => new { d.Id, d.EventType, d.SubscriptionId, d.LastError, d.LastStatusCode, d.Attempts, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(d => new DeadLetterItem(Source, d.Id.ToString(), "integrations", d.EventType,
            d.LastStatusCode is { } status ? $"HTTP {status}: {d.LastError}" : d.LastError ?? string.Empty, d.Attempts, d.CreatedAt,
            "/Settings/Integrations/Webhooks")).ToList();
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Deliveries.AsNoTracking().LongCountAsync(d => d.State == DeliveryState.Failed, cancellationToken);

    public async Task<bool> RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var deliveryId)
            || !await db.Deliveries.AsNoTracking().AnyAsync(d => d.Id == deliveryId && d.State == DeliveryState.Failed, cancellationToken))
            return false;
        try
        {
            await subscriptions.ReplayAsync(deliveryId, partnerId: null, cancellationToken);
            return true;
        }
        catch (BusinessException)
        {
            // The subscription is gone or disabled: there is nowhere to deliver it again.
            return false;
        }
    }

    public async Task<bool> SkipAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var deliveryId)) return false;
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.State == DeliveryState.Failed,
            cancellationToken);
        if (delivery is null) return false;
        delivery.Cancel("skipped by an operator");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
