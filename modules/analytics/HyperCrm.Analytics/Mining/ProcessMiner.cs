using HyperCrm.Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace HyperCrm.Analytics.Mining;

/// <summary>
/// Process mining over the event log: the directly-follows graph (one aggregate over the entries, each of which carries the
/// edge into it), the variants and conformance (over the case summaries: a few distinct paths, not every order), and the
/// manual work. Results are cached until the log changes (the entries' sequence moved on).
/// </summary>
public sealed class ProcessMiner(AnalyticsDbContext db, IMemoryCache cache)
{
    /// <summary>
    /// The directly-follows graph of the filtered orders: the hand-offs from the counts kept per day of the cases' start
    /// (<c>analytics.edge_stats</c>; the period in whole days), the ends from the case summaries. A partner's own map (which
    /// the counts do not split by partner) is worked out from its entries instead.
    /// </summary>
    public Task<ProcessMap> MapAsync(AnalyticsFilter filter, CancellationToken cancellationToken) =>
        CachedAsync("map", filter, async connection =>
        {
            var edges = filter.PartnerId is null ? await CountedEdgesAsync(connection, filter, cancellationToken)
                : await EdgesFromEntriesAsync(connection, filter, cancellationToken);
            long cases = 0;
            await using (var command = AnalyticsSql.Command(connection, $"""
                SELECT last_activity, count(*) FROM analytics.cases WHERE {AnalyticsSql.CasesWhere} GROUP BY 1
                """, filter))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    edges.Add(new ProcessEdge(reader.GetString(0), string.Empty, reader.GetInt64(1), 0, 0));
                    cases += reader.GetInt64(1);
                }
            }
            var activities = edges.Where(e => !e.IsEnd).GroupBy(e => e.To, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(e => e.Count), StringComparer.Ordinal);
            return new ProcessMap(edges, activities, cases);
        }, cancellationToken);

    private static async Task<List<ProcessEdge>> CountedEdgesAsync(NpgsqlConnection connection, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string From, string To), List<(double Value, long Count)>>();
        await using (var command = AnalyticsSql.Command(connection, """
            SELECT from_activity, to_activity, seconds, sum(count)::bigint FROM analytics.edge_stats
            WHERE case_day >= @from_day AND case_day < @to_day
              AND (@segment = 'all' OR (@segment = 'staff' AND NOT partnered) OR (@segment = 'partners' AND partnered))
            GROUP BY 1, 2, 3 HAVING sum(count) > 0 ORDER BY 1, 2, 3
            """, filter))
        {
            command.Parameters.AddWithValue("from_day", DateOnly.FromDateTime(filter.From.UtcDateTime));
            command.Parameters.AddWithValue("to_day", DateOnly.FromDateTime(filter.To.UtcDateTime.AddTicks(TimeSpan.TicksPerDay - 1)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!counts.TryGetValue(key, out var values)) counts[key] = values = [];
                values.Add((reader.GetDouble(2), reader.GetInt64(3)));
            }
        }
        return counts.Select(c => new ProcessEdge(c.Key.From, c.Key.To, c.Value.Sum(v => v.Count),
            c.Key.From.Length == 0 ? 0 : EdgeDurations.Percentile(c.Value, 0.5),
            c.Key.From.Length == 0 ? 0 : EdgeDurations.Percentile(c.Value, 0.95))).ToList();
    }

    private static async Task<List<ProcessEdge>> EdgesFromEntriesAsync(NpgsqlConnection connection, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var edges = new List<ProcessEdge>();
        await using var command = AnalyticsSql.Command(connection, $"""
            SELECT COALESCE(prev_activity, ''), activity, count(*),
                COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM occurred_at - prev_at)), 0),
                COALESCE(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM occurred_at - prev_at)), 0)
            FROM analytics.events WHERE {AnalyticsSql.EventsWhere}
            GROUP BY 1, 2
            """, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            edges.Add(new ProcessEdge(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4)));
        return edges;
    }

    public Task<IReadOnlyList<ProcessVariant>> VariantsAsync(AnalyticsFilter filter, CancellationToken cancellationToken) =>
        CachedAsync<IReadOnlyList<ProcessVariant>>("variants", filter, async connection =>
        {
            var rows = new List<(string Path, long Cases, double Median)>();
            await using var command = AnalyticsSql.Command(connection, $"""
                SELECT variant, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM last_at - started_at))
                FROM analytics.cases WHERE {AnalyticsSql.CasesWhere}
                GROUP BY 1 ORDER BY 2 DESC, 1
                """, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
            var total = rows.Sum(r => r.Cases);
            return rows.Select(r => new ProcessVariant(r.Path, ExpectedPath.Split(r.Path), r.Cases, total == 0 ? 0
                : (double)r.Cases / total,
                r.Median)).ToList();
        }, cancellationToken);

    /// <summary>Each variant checked against the expected path once, its deviations counted for all its orders.</summary>
    public async Task<ConformanceReport> ConformanceAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var variants = await VariantsAsync(filter, cancellationToken);
        long conforming = 0;
        var deviations = new Dictionary<(string Kind, string Activity), long>();
        foreach (var variant in variants)
        {
            var found = ExpectedPath.Check(variant.Activities);
            if (found.Count == 0) conforming += variant.Cases;
            foreach (var d in found) deviations[(d.Kind, d.Activity)] = deviations.GetValueOrDefault((d.Kind, d.Activity)) + variant.Cases;
        }
        return new ConformanceReport(variants.Sum(v => v.Cases), conforming, deviations
            .Select(d => new Deviation(d.Key.Kind, d.Key.Activity, d.Value)).OrderByDescending(d => d.Cases).ThenBy(d =>
                d.Activity).ToList());
    }

    /// <summary>The steps people did by hand, by activity, ranked by the minutes they took in all (frequency × minutes each).</summary>
    public Task<IReadOnlyList<AutomationOpportunity>> OpportunitiesAsync(AnalyticsFilter filter, AnalyticsCosts costs,
        CancellationToken cancellationToken) =>
        CachedAsync<IReadOnlyList<AutomationOpportunity>>("manual:" + costs, filter, async connection =>
        {
            ArgumentNullException.ThrowIfNull(costs);
            var list = new List<AutomationOpportunity>();
            await using var command = AnalyticsSql.Command(connection, $"""
                SELECT activity, count(*) FROM analytics.events WHERE {AnalyticsSql.EventsWhere} AND resource_kind = 'human'
                GROUP BY 1 ORDER BY 2 DESC, 1
                """, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var steps = reader.GetInt64(1);
                var minutes = (double)(steps * costs.MinutesPerManualStep);
                list.Add(new AutomationOpportunity(reader.GetString(0), steps, minutes, (decimal)minutes * costs.CostPerHumanMinute));
            }
            return list;
        }, cancellationToken);

    /// <summary>The filtered orders behind a number: those through an edge, an activity, a variant, or of a touch kind.</summary>
    public async Task<IReadOnlyList<CaseRow>> CasesAsync(AnalyticsFilter filter, CaseQuery query, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        var (where, values) = query.ToSql();
        await using var command = AnalyticsSql.Command(connection, $"""
            SELECT c.case_id, c.label, c.started_at, c.last_at, c.last_activity, c.human_steps, c.automated_steps, c.variant
            FROM analytics.cases AS c WHERE {AnalyticsSql.CasesWhere.Replace("object_type", "c.object_type", StringComparison.Ordinal)}
              AND {where}
            ORDER BY c.started_at DESC LIMIT @limit
            """, filter);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, CaseQuery.MaxRows));
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        var rows = new List<CaseRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new CaseRow(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7)));
        return rows;
    }

    /// <summary>The log's version: the last sequence value any entry drew.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT last_value FROM analytics.{AnalyticsDbContextModelBuilderExtensions.EventSequence}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<T> CachedAsync<T>(string what, AnalyticsFilter filter, Func<NpgsqlConnection, Task<T>> compute,
        CancellationToken cancellationToken)
    {
        var key = ("analytics", what, filter, await VersionAsync(cancellationToken));
        if (cache.TryGetValue(key, out T? hit) && hit is not null) return hit;
        var result = await compute(await db.OpenNpgsqlAsync(cancellationToken));
        cache.Set(key, result, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
        return result;
    }
}
