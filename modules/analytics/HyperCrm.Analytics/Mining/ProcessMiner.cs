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
    /// <summary>Up to how many orders the map is worked out exactly from the entries; above, from the counts.</summary>
    public const int ExactUpTo = 50_000;

    /// <summary>
    /// The directly-follows graph of the filtered orders. The ends come from the case summaries. The hand-offs of up to
    /// <see cref="ExactUpTo"/> orders (or of one partner's) are worked out from the entries, exactly; for more, the whole
    /// months of the period are added up from the counts kept per month (<c>analytics.edge_stats</c>) and the days before
    /// and after them from the entries, rounded the same way (<see cref="EdgeDurations.Bucket"/>: times within 5 %).
    /// </summary>
    public Task<ProcessMap> MapAsync(AnalyticsFilter filter, CancellationToken cancellationToken) =>
        MapAsync(filter, null, cancellationToken);

    /// <param name="fromCounts">True: from the counts whatever the size (false: from the entries); null: by the size.</param>
    public Task<ProcessMap> MapAsync(AnalyticsFilter filter, bool? fromCounts, CancellationToken cancellationToken) =>
        CachedAsync("map:" + fromCounts, filter, async connection =>
        {
            var ends = new List<ProcessEdge>();
            await using (var command = AnalyticsSql.Command(connection, $"""
                SELECT last_activity, count(*) FROM analytics.cases WHERE {AnalyticsSql.CasesWhere} GROUP BY 1
                """, filter))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    ends.Add(new ProcessEdge(reader.GetString(0), string.Empty, reader.GetInt64(1), 0, 0));
            }
            var cases = ends.Sum(e => e.Count);
            var counted = filter.PartnerId is null && (fromCounts ?? cases > ExactUpTo);
            var edges = counted ? await CountedEdgesAsync(connection, filter, cancellationToken)
                : await EdgesFromEntriesAsync(connection, filter, cancellationToken);
            edges.AddRange(ends);
            var activities = edges.Where(e => !e.IsEnd).GroupBy(e => e.To, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(e => e.Count), StringComparer.Ordinal);
            return new ProcessMap(edges, activities, cases);
        }, cancellationToken);

    private static async Task<List<ProcessEdge>> CountedEdgesAsync(NpgsqlConnection connection, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        // Whole months inside the period from the counts; the rest of the period (its first and last days) from the entries.
        var firstMonth = EdgeDurations.MonthOf(filter.From);
        if (firstMonth.ToDateTime(TimeOnly.MinValue) < filter.From.UtcDateTime) firstMonth = firstMonth.AddMonths(1);
        var endMonth = EdgeDurations.MonthOf(filter.To);
        static DateTimeOffset Start(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (monthsFrom, monthsTo) = endMonth > firstMonth ? (Start(firstMonth), Start(endMonth)) : (filter.To, filter.To);
        var bucket = EdgeDurations.BucketSql("extract(epoch FROM occurred_at - prev_at)");
        var counts = new Dictionary<(string From, string To), Dictionary<double, long>>();
        await using (var command = AnalyticsSql.Command(connection, $"""
            SELECT from_activity, to_activity, seconds, sum(count)::bigint FROM analytics.edge_stats
            WHERE case_month >= @first_month AND case_month < @end_month
              AND (@segment = 'all' OR (@segment = 'staff' AND NOT partnered) OR (@segment = 'partners' AND partnered))
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT COALESCE(prev_activity, ''), activity, {bucket}, count(*) FROM analytics.events
            WHERE {AnalyticsSql.EventsWhere} AND NOT (case_started_at >= @months_from AND case_started_at < @months_to)
            GROUP BY 1, 2, 3
            """, filter))
        {
            command.Parameters.AddWithValue("first_month", firstMonth);
            command.Parameters.AddWithValue("end_month", endMonth > firstMonth ? endMonth : firstMonth);
            command.Parameters.AddWithValue("months_from", monthsFrom.ToUniversalTime());
            command.Parameters.AddWithValue("months_to", monthsTo.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!counts.TryGetValue(key, out var values)) counts[key] = values = [];
                values[reader.GetDouble(2)] = values.GetValueOrDefault(reader.GetDouble(2)) + reader.GetInt64(3);
            }
        }
        var edges = new List<ProcessEdge>();
        foreach (var ((from, to), values) in counts)
        {
            var sorted = values.Where(v => v.Value > 0).OrderBy(v => v.Key).Select(v => (v.Key, v.Value)).ToList();
            if (sorted.Count == 0) continue;
            var start = from.Length == 0;
            edges.Add(new ProcessEdge(from, to, sorted.Sum(v => v.Value), start ? 0 : EdgeDurations.Percentile(sorted, 0.5),
                start ? 0 : EdgeDurations.Percentile(sorted, 0.95)));
        }
        return edges;
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
            edges.Add(new ProcessEdge(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3),
                reader.GetDouble(4)));
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

    private long? _version;

    /// <summary>The log's version: the last sequence value any entry drew; read once per scope (a request, a background
    /// computation), however many results it asks for.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        if (_version is { } known) return known;
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT last_value FROM analytics.{AnalyticsDbContextModelBuilderExtensions.EventSequence}", connection);
        _version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return _version.Value;
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
