using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Outbox;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Operations.Data;
using HyperCrm.Operations.Domain;
using HyperCrm.Operations.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Operations.Application;

/// <summary>Reads the console's numbers from every module's probe, the connectors' shared health, Quartz and the instances.</summary>
public sealed class OperationsConsole(
    IEnumerable<IOperationsProbe> probes,
    IEnumerable<IDeadLetterSource> deadLetters,
    IConnectorAppService connectors,
    JobConsole jobs,
    OutboxSchemas schemas,
    OperationsDbContext db,
    TimeProvider clock)
{
    /// <summary>Connectors used within this window are shown (each instance publishes every few seconds while it calls them).</summary>
    public static readonly TimeSpan ConnectorWindow = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<QueueReading>> ReadingsAsync(CancellationToken cancellationToken)
    {
        var readings = new List<QueueReading>();
        foreach (var probe in probes) readings.AddRange(await probe.ReadAsync(cancellationToken));
        foreach (var reading in readings) HyperCrm.Framework.Diagnostics.QueueDepths.Report(reading.Key, reading.Count,
            reading.OldestSeconds ?? 0);
        return readings;
    }

    public async Task<OperationsOverview> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var readings = await ReadingsAsync(cancellationToken);
        var dead = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in deadLetters) dead[source.Source] = await source.CountAsync(cancellationToken);
        return new OperationsOverview(now, readings, await connectors.GetSharedHealthAsync(ConnectorWindow, cancellationToken),
            await jobs.ListAsync(cancellationToken), await InstancesAsync(cancellationToken), dead,
            await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.FiredAt)
                .ToListAsync(cancellationToken));
    }

    public bool HasOutbox(string module) => schemas.Contains(module);

    /// <summary>The first 200 events waiting in a module's outbox, oldest due first (the queue's own index).</summary>
    public async Task<IReadOnlyList<PendingEvent>> PendingEventsAsync(string module, CancellationToken cancellationToken)
    {
        if (!schemas.Contains(module)) return [];
        return await db.Database.SqlQueryRaw<PendingEvent>($$"""
            SELECT id, event_name, occurred_at, attempts, next_attempt_at, last_error FROM "{{module}}".outbox_messages
            WHERE processed_at IS NULL ORDER BY next_attempt_at, id LIMIT 200
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The firing alerts first, then the latest ones, up to 200.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().OrderBy(a => a.ResolvedAt == null ? 0 : 1).ThenByDescending(a => a.FiredAt).Take(200)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AlertRule>> AlertRulesAsync(CancellationToken cancellationToken) =>
        await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);

    /// <summary>Instances seen in the last day, newest first.</summary>
    public async Task<IReadOnlyList<InstanceRecord>> InstancesAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        return await db.Instances.AsNoTracking().Where(i => i.LastSeenAt >= since).OrderByDescending(i => i.StartedAt)
            .ToListAsync(cancellationToken);
    }
}
