using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Operations;

/// <summary>Partner webhook deliveries pending (and retrying) and failed for good, for the operations console.</summary>
public sealed class WebhookQueueProbe(IntegrationsDbContext db, TimeProvider clock) : IOperationsProbe
{
    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await db.Deliveries.AsNoTracking().Where(d => d.NextAttemptAt != null && d.State == DeliveryState.Pending)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), Retrying = g.LongCount(d => d.Attempts > 0), Oldest = g.Min(d => d.CreatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var failed = await db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Failed)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(),
                Oldest = g.Min(d => d.CreatedAt) }).FirstOrDefaultAsync(cancellationToken);
        return
        [
            new QueueReading("integrations.webhooks.pending", "integrations", Message.Of("Integrations:Operations:WebhooksPending"),
                pending?.Count ?? 0, pending is null ? null : Math.Max(0, (now - pending.Oldest).TotalSeconds),
                    "/Settings/Integrations/Webhooks",
                Failing: pending?.Retrying ?? 0),
            new QueueReading("integrations.webhooks.failed", "integrations", Message.Of("Integrations:Operations:WebhooksFailed"),
                failed?.Count ?? 0, failed is null ? null : Math.Max(0, (now - failed.Oldest).TotalSeconds),
                "/Operations/DeadLetters?source=webhook", Failing: failed?.Count ?? 0),
        ];
    }
}
