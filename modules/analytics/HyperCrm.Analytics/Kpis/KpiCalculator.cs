using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Mining;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace HyperCrm.Analytics.Kpis;

/// <summary>
/// The KPIs of hyperautomation for the filtered orders: automation rate (orders and steps with no human touch), processing
/// time (placed → shipped, → delivered; p50, p95), error rate of rules' runs and the share recovered by retries, cost per
/// order (people's, bots' minutes and connector calls at the configured prices), FTE saved, and rules' and bots' time to
/// market; each for the period and the one before. Cached until the log changes.
/// </summary>
public sealed class KpiCalculator(AnalyticsDbContext db, ProcessMiner miner, IMemoryCache cache)
{
    public async Task<KpiReport> ReportAsync(AnalyticsFilter filter, AnalyticsCosts costs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = ("analytics", "kpis", filter, costs, await miner.VersionAsync(cancellationToken));
        if (cache.TryGetValue(key, out KpiReport? hit) && hit is not null) return hit;
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        var report = new KpiReport(await ValuesAsync(connection, filter, costs, cancellationToken),
            await ValuesAsync(connection, filter.Previous(), costs, cancellationToken), await DaysAsync(connection, filter,
                cancellationToken));
        cache.Set(key, report, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
        return report;
    }

    public async Task<KpiValues> ValuesAsync(NpgsqlConnection connection, AnalyticsFilter filter, AnalyticsCosts costs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(costs);
        long orders, touchless, human, automated, botMs, calls;
        await using (var command = AnalyticsSql.Command(connection, $"""
            SELECT count(*), count(*) FILTER (WHERE human_steps = 0), COALESCE(sum(human_steps), 0), COALESCE(sum(automated_steps), 0),
                COALESCE(sum(bot_ms), 0), COALESCE(sum(connector_calls), 0)
            FROM analytics.cases WHERE {AnalyticsSql.CasesWhere}
            """, filter))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (orders, touchless, human, automated, botMs, calls) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }
        double? s50, s95, d50, d95;
        await using (var command = AnalyticsSql.Command(connection, $"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - placed_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - placed_at)),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - placed_at)),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - placed_at))
            FROM analytics.cases WHERE {AnalyticsSql.CasesWhere}
            """, filter))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (s50, s95, d50, d95) = (Nullable(reader, 0), Nullable(reader, 1), Nullable(reader, 2), Nullable(reader, 3));
        }
        long runs, failed, recovered;
        await using (var command = AnalyticsSql.Command(connection, """
            SELECT count(*) FILTER (WHERE finished), count(*) FILTER (WHERE failed AND finished),
                   count(*) FILTER (WHERE failed AND completed)
            FROM (SELECT case_id, bool_or(activity IN ('run.completed', 'run.dead_lettered')) AS finished,
                         bool_or(outcome IN ('failed', 'dead_lettered')) AS failed, bool_or(activity = 'run.completed') AS completed
                  FROM analytics.events WHERE object_type = 'run' AND case_started_at >= @from - interval '31 days'
                    AND case_started_at < @to AND occurred_at >= @from AND occurred_at < @to
                    AND @partner::uuid IS NULL AND @segment = 'all'
                  GROUP BY case_id) AS r
            """, filter))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (runs, failed, recovered) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        double? ruleTtm = null, botTtm = null;
        long rules = 0, bots = 0;
        await using (var command = AnalyticsSql.Command(connection, """
            SELECT object_type, percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) / 1000.0, count(*)
            FROM analytics.events WHERE object_type IN ('rule', 'bot') AND activity = 'published.v1' AND resource_kind = 'human'
              AND case_started_at >= @from AND case_started_at < @to AND @partner::uuid IS NULL
            GROUP BY 1
            """, filter))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(0) == "rule") (ruleTtm, rules) = (Nullable(reader, 1), reader.GetInt64(2));
                else (botTtm, bots) = (Nullable(reader, 1), reader.GetInt64(2));
            }
        }
        var humanMinutes = (double)(human * costs.MinutesPerManualStep);
        var botMinutes = botMs / 60000.0;
        var saved = (double)(automated * costs.MinutesPerManualStep);
        var fteHours = (double)costs.FteHoursPerMonth * filter.Length.TotalDays / 30.4375;
        return new KpiValues
        {
            Orders = orders, TouchlessOrders = touchless, Steps = human + automated, AutomatedSteps = automated,
            ToShippedP50 = s50, ToShippedP95 = s95, ToDeliveredP50 = d50, ToDeliveredP95 = d95,
            Runs = runs, FailedRuns = failed, RecoveredRuns = recovered,
            HumanMinutes = humanMinutes, BotMinutes = botMinutes, ConnectorCalls = calls,
            Cost = Math.Round((decimal)humanMinutes * costs.CostPerHumanMinute + (decimal)botMinutes * costs.CostPerBotMinute
                + calls * costs.CostPerConnectorCall, 2),
            MinutesSaved = saved, FteSaved = fteHours <= 0 ? 0 : Math.Round(saved / 60 / fteHours, 3),
            RuleTimeToMarket = ruleTtm, BotTimeToMarket = botTtm, RulesPublished = rules, BotsPublished = bots,
        };
    }

    private static async Task<IReadOnlyList<KpiDay>> DaysAsync(NpgsqlConnection connection, AnalyticsFilter filter,
        CancellationToken cancellationToken)
    {
        var days = new List<KpiDay>();
        await using var command = AnalyticsSql.Command(connection, $"""
            SELECT (started_at AT TIME ZONE 'UTC')::date, count(*) FILTER (WHERE human_steps = 0), count(*) FILTER (WHERE human_steps > 0)
            FROM analytics.cases WHERE {AnalyticsSql.CasesWhere} GROUP BY 1 ORDER BY 1
            """, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            days.Add(new KpiDay(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt64(1), reader.GetInt64(2)));
        return days;
    }

    private static double? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
