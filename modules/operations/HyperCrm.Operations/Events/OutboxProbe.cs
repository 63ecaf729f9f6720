using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Outbox;
using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Operations.Events;

/// <summary>
/// Every module's outbox backlog (events written and not yet handled by all their consumers) and the age of its oldest,
/// in one statement over the partial queue indexes.
/// </summary>
public sealed class OutboxProbe(OperationsDbContext db, OutboxSchemas schemas, TimeProvider clock) : IOperationsProbe
{
    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sql = string.Join("\nUNION ALL\n", schemas.All.Select(s => $"""
            SELECT '{s}' AS schema, count(*) AS pending, min(occurred_at) AS oldest
            FROM "{s}".outbox_messages WHERE processed_at IS NULL
            """));
        var rows = await db.Database.SqlQueryRaw<OutboxRow>(sql).ToListAsync(cancellationToken);
        return rows.Select(r => new QueueReading($"outbox.{r.Schema}", r.Schema,
            Message.Of("Operations:Reading:Outbox"), r.Pending,
            r.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null, $"/Operations/Events?module={r.Schema}"))
            .ToList();
    }

    private sealed record OutboxRow(string Schema, long Pending, DateTimeOffset? Oldest);
}
