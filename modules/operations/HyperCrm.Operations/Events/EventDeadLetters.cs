using HyperCrm.Framework.Data;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Outbox;
using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace HyperCrm.Operations.Events;

/// <summary>
/// Events a consumer kept failing on (every module's dead_letters). Retry puts the event back in its outbox as new (from the
/// dead letter's own copy, should retention have removed the row): consumers that handled it skip it by their inbox, the
/// failed ones get it again. Skip gives the event up for that consumer. The id is "schema:dead letter id".
/// </summary>
public sealed class EventDeadLetters(OperationsDbContext db, OutboxSchemas schemas) : IDeadLetterSource
{
    public string Source => "event";

    public async Task<IReadOnlyList<DeadLetterItem>> ListAsync(string? search, int take, CancellationToken cancellationToken)
    {
        var sql = string.Join("\nUNION ALL\n", schemas.All.Select(s => $$"""
            (SELECT '{{s}}' AS schema, id, event_name, consumer, error, attempts, dead_lettered_at FROM "{{s}}".dead_letters
             WHERE @pattern::text IS NULL OR event_name ILIKE @pattern OR consumer ILIKE @pattern
             ORDER BY dead_lettered_at DESC LIMIT {{take}})
            """));
        var pattern = new NpgsqlParameter("pattern", NpgsqlDbType.Text)
        {
            Value = search is { Length: > 0 } ? LikePattern.Contains(search) : DBNull.Value,
        };
        var rows = await db.Database.SqlQueryRaw<Row>($"SELECT * FROM ({sql}) d ORDER BY dead_lettered_at DESC LIMIT {take}", pattern)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DeadLetterItem(Source, $"{r.Schema}:{r.Id}", r.Schema,
            r.Consumer is { } consumer ? $"{r.EventName} → {consumer[(consumer.LastIndexOf('.') + 1)..]}" : r.EventName, r.Error,
                r.Attempts,
            r.DeadLetteredAt, $"/Operations/Events?module={r.Schema}")).ToList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var sql = string.Join(" + ", schemas.All.Select(s => $"""(SELECT count(*) FROM "{s}".dead_letters)"""));
        return await db.Database.SqlQueryRaw<long>($"SELECT {sql} AS \"Value\"").SingleAsync(cancellationToken);
    }

    public async Task<bool> RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParse(id, out var schema, out var deadLetterId)) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requeued = await db.Database.ExecuteSqlRawAsync($$"""
            WITH dead AS (SELECT event_id, event_name, payload, occurred_at FROM "{{schema}}".dead_letters WHERE id = {0})
            INSERT INTO "{{schema}}".outbox_messages (id, event_name, payload, occurred_at, attempts, next_attempt_at)
            SELECT event_id, event_name, payload, occurred_at, 0, now() FROM dead
            ON CONFLICT (id) DO UPDATE SET processed_at = NULL, attempts = 0, next_attempt_at = now(), last_error = NULL
            """, [deadLetterId], cancellationToken);
        if (requeued == 0) return false;
        // Every consumer that failed on this event gets it again with the one outbox row: their dead letters go with it.
        await db.Database.ExecuteSqlRawAsync($$"""
            DELETE FROM "{{schema}}".dead_letters WHERE event_id = (SELECT event_id FROM "{{schema}}".dead_letters WHERE id = {0})
            """, [deadLetterId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SkipAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParse(id, out var schema, out var deadLetterId)) return false;
        return await db.Database.ExecuteSqlRawAsync($$"""DELETE FROM "{{schema}}".dead_letters WHERE id = {0}""", [deadLetterId],
            cancellationToken) == 1;
    }

    /// <summary>Only a schema of ours and a uuid: nothing of the id reaches the SQL text but a known schema name.</summary>
    private bool TryParse(string id, out string schema, out Guid deadLetterId)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        schema = colon > 0 ? id[..colon] : string.Empty;
        deadLetterId = Guid.Empty;
        return colon > 0 && schemas.Contains(schema) && Guid.TryParse(id[(colon + 1)..], out deadLetterId);
    }

    private sealed record Row(string Schema, Guid Id, string EventName, string? Consumer, string Error, int Attempts,
        DateTimeOffset DeadLetteredAt);
}
