using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Domain;
using HyperCrm.Analytics.Mining;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Analytics.Ingestion;

/// <summary>
/// Appends entries to the event log inside the caller's transaction. An entry already there (same case, time and activity:
/// the live event after a rebuild from history, or the other way round) is skipped, so feeding and rebuilding never double.
/// Each new entry is linked to the case's step before it (and the step after it, when it arrived late), takes the case's
/// customer and partner when its event did not carry them (a bot's job), and the case's summary is worked out again from
/// its entries.
/// </summary>
public sealed class EventLogWriter(AnalyticsDbContext db, EventLogPartitions partitions)
{
    public async Task AppendAsync(IReadOnlyCollection<EventLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        await partitions.EnsureAsync(entries.Select(e => e.OccurredAt), cancellationToken);
        foreach (var e in entries.OrderBy(e => e.OccurredAt))
        {
            // One writer per case at a time (two modules' outboxes drain side by side): the links and the summary stay whole.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({e.CaseId.ToString()}, 7))",
                cancellationToken);
            var inserted = await db.Database.SqlQuery<InsertedEntry>($"""
                INSERT INTO analytics.events (id, occurred_at, object_type, case_id, case_label, activity, resource, resource_kind,
                    duration_ms, outcome, order_id, customer_id, partner_id, source, prev_activity, prev_at, case_started_at)
                SELECT {e.Id}, {e.OccurredAt}, {e.ObjectType}, {e.CaseId}, {e.CaseLabel}, {e.Activity}, {e.Resource},
                    {e.ResourceKind}, {e.DurationMs}, {e.Outcome}, {e.OrderId}, COALESCE({e.CustomerId}::uuid, c.customer_id),
                    COALESCE({e.PartnerId}::uuid, c.partner_id), {e.Source},
                    p.activity, p.occurred_at, LEAST(COALESCE(c.started_at, {e.OccurredAt}), {e.OccurredAt})
                FROM (SELECT 1) AS one
                LEFT JOIN LATERAL (SELECT activity, occurred_at FROM analytics.events
                    WHERE case_id = {e.CaseId} AND occurred_at <= {e.OccurredAt}
                    ORDER BY occurred_at DESC, seq DESC LIMIT 1) AS p ON true
                LEFT JOIN analytics.cases AS c ON c.case_id = {e.CaseId}
                ON CONFLICT (case_id, occurred_at, activity) DO NOTHING
                RETURNING prev_activity, prev_at, case_started_at,
                    partner_id
                """).ToListAsync(cancellationToken);
            if (inserted is not [var row]) continue;
            var partnered = row.PartnerId is not null;
            // The hand-off into this entry counted, the case's summary worked out again, and the step after it looked up (it
            // arrived late when there is one): one statement, the entry above already visible to it.
            var (month, seconds) = Edge(row.CaseStartedAt, row.PrevAt, e.OccurredAt);
            var later = await db.Database.SqlQuery<LaterEntry>($"""
                WITH edge AS (
                    INSERT INTO analytics.edge_stats (case_month, partnered, from_activity, to_activity, seconds, count)
                    VALUES ({month}, {partnered}, {row.PrevActivity ?? string.Empty}, {e.Activity}, {seconds}, 1)
                    ON CONFLICT (case_month, partnered, from_activity, to_activity, seconds)
                        DO UPDATE SET count = edge_stats.count + excluded.count),
                summary AS (
                    INSERT INTO analytics.cases AS c (case_id, object_type, label, started_at, last_at, first_activity, last_activity,
                        variant, events, human_steps, automated_steps, bot_ms, connector_calls, partner_id, customer_id, placed_at,
                        shipped_at, delivered_at)
                    SELECT case_id, min(object_type), max(case_label), min(occurred_at), max(occurred_at),
                        (array_agg(activity ORDER BY occurred_at, seq))[1],
                        (array_agg(activity ORDER BY occurred_at DESC, seq DESC))[1],
                        string_agg(activity, {CaseSummary.VariantSeparator} ORDER BY occurred_at, seq), count(*),
                        count(*) FILTER (WHERE resource_kind = 'human'),
                        count(*) FILTER (WHERE resource_kind IN ('rule', 'bot', 'ai', 'connector', 'job', 'system')),
                        COALESCE(sum(duration_ms) FILTER (WHERE resource_kind = 'bot'), 0),
                        count(*) FILTER (WHERE resource_kind = 'connector'),
                        (array_agg(partner_id) FILTER (WHERE partner_id IS NOT NULL))[1],
                        (array_agg(customer_id) FILTER (WHERE customer_id IS NOT NULL))[1],
                        min(occurred_at) FILTER (WHERE activity = 'order.created'),
                        min(occurred_at) FILTER (WHERE activity = 'status.shipped'),
                        min(occurred_at) FILTER (WHERE activity = 'status.delivered')
                    FROM analytics.events WHERE case_id = {e.CaseId} GROUP BY case_id
                    ON CONFLICT (case_id) DO UPDATE SET label = excluded.label, started_at = excluded.started_at,
                        last_at = excluded.last_at, first_activity = excluded.first_activity, last_activity = excluded.last_activity,
                        variant = excluded.variant, events = excluded.events, human_steps = excluded.human_steps,
                        automated_steps = excluded.automated_steps, bot_ms = excluded.bot_ms,
                        connector_calls = excluded.connector_calls, partner_id = excluded.partner_id,
                        customer_id = excluded.customer_id, placed_at = excluded.placed_at, shipped_at = excluded.shipped_at,
                        delivered_at = excluded.delivered_at)
                SELECT id, occurred_at, activity, prev_activity,
                    prev_at, case_started_at
                FROM analytics.events WHERE case_id = {e.CaseId} AND occurred_at > {e.OccurredAt}
                ORDER BY occurred_at, seq LIMIT 1
                """).ToListAsync(cancellationToken);
            // Arrived after a later step of its case (another module's outbox was quicker): that step now follows this one.
            if (later is [var next])
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE analytics.events SET prev_activity = {e.Activity}, prev_at = {e.OccurredAt}
                    WHERE id = {next.Id} AND occurred_at = {next.OccurredAt}
                    """, cancellationToken);
                await CountEdgeAsync(next.CaseStartedAt, partnered, next.PrevActivity, next.Activity, next.PrevAt, next.OccurredAt, -1,
                    cancellationToken);
                await CountEdgeAsync(next.CaseStartedAt, partnered, e.Activity, next.Activity, e.OccurredAt, next.OccurredAt, 1,
                    cancellationToken);
            }
        }
    }

    /// <summary>The process map's bucket of a hand-off: the case's month and the seconds it took, bucketed.</summary>
    private static (DateOnly Month, double Seconds) Edge(DateTimeOffset caseStartedAt, DateTimeOffset? fromAt, DateTimeOffset toAt) =>
        (EdgeDurations.MonthOf(caseStartedAt), fromAt is { } at ? EdgeDurations.Bucket((toAt - at).TotalSeconds) : 0);

    /// <summary>Adds (or takes back) one hand-off to the process map's counts.</summary>
    private Task<int> CountEdgeAsync(DateTimeOffset caseStartedAt, bool partnered, string? from, string to, DateTimeOffset? fromAt,
        DateTimeOffset toAt, long delta, CancellationToken cancellationToken)
    {
        var (month, seconds) = Edge(caseStartedAt, fromAt, toAt);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO analytics.edge_stats (case_month, partnered, from_activity, to_activity, seconds, count)
            VALUES ({month}, {partnered}, {from ?? string.Empty}, {to}, {seconds}, {delta})
            ON CONFLICT (case_month, partnered, from_activity, to_activity, seconds)
                DO UPDATE SET count = edge_stats.count + excluded.count
            """, cancellationToken);
    }

    private sealed record InsertedEntry(string? PrevActivity, DateTimeOffset? PrevAt, DateTimeOffset CaseStartedAt, Guid? PartnerId);

    private sealed record LaterEntry(Guid Id, DateTimeOffset OccurredAt, string Activity, string? PrevActivity, DateTimeOffset? PrevAt,
        DateTimeOffset CaseStartedAt);
}
