using System.Diagnostics;
using System.Globalization;
using HyperCrm.Analytics.Export;
using HyperCrm.Analytics.Ingestion;
using HyperCrm.Analytics.Kpis;
using HyperCrm.Analytics.Mining;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// Analytics over a generated log of N events (default 10,000,000: N/10 orders of ten steps each along five paths, over the
/// last twelve months, with their case summaries): the process map and the KPI report for the whole year, each beside a plain
/// sequential scan of the same table in the same run (median of three, cold caches of ours), and the XES export's rate and
/// peak memory for one month and for the year (flat means streamed).
/// </summary>
internal static class AnalyticsBench
{
    private static readonly string[][] Paths =
    [
        ["order.created", "risk.scored", "erp.create_customer_order", "status.reserved", "wms.create_pick_task", "status.picking",
            "courier.create_shipment", "status.shipped", "status.delivered", "status.completed"],
        ["order.created", "risk.scored", "status.awaiting_stock", "bot.supplier-purchase-order", "stock.arrived", "status.reserved",
            "status.picking", "status.shipped", "status.delivered", "status.completed"],
        ["order.created", "risk.scored", "status.on_hold", "risk.decided", "status.reserved", "status.picking", "status.shipped",
            "sms.send", "status.delivered", "status.completed"],
        ["order.created", "payment.authorized", "erp.create_customer_order", "status.reserved", "status.picking", "status.shipped",
            "payment.captured", "status.delivered", "status.returned", "erp.post_return"],
        ["order.created", "risk.scored", "status.reserved", "status.picking", "status.reserved", "status.picking", "status.shipped",
            "status.delivered", "status.completed", "sms.send"],
    ];

    public static async Task<Dictionary<string, object?>> RunAsync(IServiceProvider services, NpgsqlDataSource db, long events,
        TextWriter log)
    {
        await GenerateAsync(services, db, events, log);
        var now = DateTimeOffset.UtcNow;
        var year = new AnalyticsFilter(now.AddDays(-366), now.AddDays(1));
        var scan = await MedianAsync(async () =>
        {
            await using var command = db.CreateCommand("SELECT count(*), sum(length(activity)) FROM analytics.events");
            command.CommandTimeout = 0;
            await command.ExecuteScalarAsync();
        });
        var map = await MedianAsync(() => InScopeAsync(services, sp => sp.GetRequiredService<ProcessMiner>().MapAsync(year, default)));
        var kpis = await MedianAsync(() => InScopeAsync(services, sp => sp.GetRequiredService<KpiCalculator>()
            .ReportAsync(year, AnalyticsCosts.Default, default)));
        var variants = await MedianAsync(() => InScopeAsync(services, sp => sp.GetRequiredService<ProcessMiner>()
            .ConformanceAsync(year, default)));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"analytics: {events:N0} events; seq scan {scan:F2} s, process map {map:F2} s ({map / scan:F2}×), KPIs {kpis:F2} s " +
            $"({kpis / scan:F2}×), variants + conformance {variants:F2} s"));
        var month = await ExportAsync(services, new EventLogExport(now.AddDays(-30), now.AddDays(1), null), log);
        var all = await ExportAsync(services, new EventLogExport(now.AddDays(-366), now.AddDays(1), null), log);
        return new Dictionary<string, object?>
        {
            ["analytics_events"] = events,
            ["analytics_seq_scan_s"] = Math.Round(scan, 2),
            ["analytics_map_s"] = Math.Round(map, 2),
            ["analytics_map_vs_scan"] = Math.Round(map / scan, 2),
            ["analytics_kpis_s"] = Math.Round(kpis, 2),
            ["analytics_kpis_vs_scan"] = Math.Round(kpis / scan, 2),
            ["analytics_variants_conformance_s"] = Math.Round(variants, 2),
            ["xes_month_events"] = month.Events,
            ["xes_month_events_per_s"] = month.Rate,
            ["xes_month_peak_managed_mb"] = month.PeakMb,
            ["xes_year_events"] = all.Events,
            ["xes_year_events_per_s"] = all.Rate,
            ["xes_year_peak_managed_mb"] = all.PeakMb,
        };
    }

    /// <summary>Generates the log once (kept between runs): indexes dropped for the load and built again after it.</summary>
    private static async Task GenerateAsync(IServiceProvider services, NpgsqlDataSource db, long events, TextWriter log)
    {
        var have = (long)(await db.CreateCommand("SELECT count(*) FROM analytics.events").ExecuteScalarAsync())!;
        var summed = (long)(await db.CreateCommand("SELECT count(*) FROM analytics.cases").ExecuteScalarAsync())!;
        if (have >= events && summed >= events / 10) return;
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await using (var scope = services.CreateAsyncScope())
        {
            var partitions = scope.ServiceProvider.GetRequiredService<EventLogPartitions>();
            await partitions.EnsureAsync(Enumerable.Range(-1, 15).Select(m => now.AddMonths(-m)), default);
        }
        await Exec(db, """
            TRUNCATE analytics.events, analytics.cases, analytics.edge_stats;
            DROP INDEX IF EXISTS analytics.ix_events_case_id_occurred_at_activity;
            DROP INDEX IF EXISTS analytics.ix_events_object_type_case_started_at;
            DROP INDEX IF EXISTS analytics.ix_events_order_id;
            """);
        var cases = events / 10;
        var paths = string.Join(", ", Paths.Select(p => "ARRAY[" + string.Join(", ", p.Select(a => $"'{a}'")) + "]"));
        const long batch = 100_000;
        for (long from = 0; from < cases; from += batch)
        {
            // Each case starts at a random moment of the last year; its steps follow one another by 1 s to ~3 h.
            await Exec(db, string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO analytics.events (id, occurred_at, object_type, case_id, case_label, activity, resource, resource_kind,
                    duration_ms, partner_id, source, prev_activity, prev_at, case_started_at)
                SELECT gen_random_uuid(), s.at, 'order', c.id, c.n::text, s.activity, 'bench',
                    CASE WHEN s.activity IN ('status.on_hold', 'risk.decided') OR (c.n % 7 = 0 AND s.k = 4) THEN 'human'
                         WHEN s.activity LIKE 'erp.%' OR s.activity LIKE 'wms.%' OR s.activity LIKE 'courier.%' OR s.activity LIKE 'sms.%'
                              OR s.activity LIKE 'payment.%' THEN 'connector'
                         WHEN s.activity LIKE 'bot.%' THEN 'bot' WHEN s.activity = 'risk.scored' THEN 'ai'
                         WHEN s.k = 1 THEN 'partner' ELSE 'rule' END,
                    CASE WHEN s.activity LIKE 'bot.%' THEN 30000 + c.n % 20000 END,
                    CASE WHEN c.n % 3 = 0 THEN NULL ELSE '00000000-0000-0000-0000-00000000000' || (c.n % 3) END::uuid,
                    'bench', s.prev, s.prev_at, c.started
                FROM (SELECT n, md5(n::text)::uuid AS id, now() - interval '365 days' * random() AS started,
                             (ARRAY[{paths}])[1 + n % 5:1 + n % 5] AS path
                      FROM generate_series({from + 1}, {Math.Min(from + batch, cases)}) n) AS c
                CROSS JOIN LATERAL (
                    SELECT k, activity, at, lag(activity) OVER (ORDER BY k) AS prev, lag(at) OVER (ORDER BY k) AS prev_at
                    FROM (SELECT k, c.path[1][k] AS activity,
                                 c.started + sum(CASE WHEN k = 1 THEN 0 ELSE 1 + (abs(hashint4((c.n * 10 + k)::int)) % 10800) END)
                                     OVER (ORDER BY k) * interval '1 second' AS at
                          FROM generate_series(1, 10) k) AS steps) AS s
                """));
            if ((from / batch) % 10 == 0)
                await log.WriteLineAsync($"analytics: generated {(from + batch) * 10:N0} events ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        await Exec(db, $$"""
            CREATE UNIQUE INDEX ix_events_case_id_occurred_at_activity ON analytics.events (case_id, occurred_at, activity);
            CREATE INDEX ix_events_object_type_case_started_at ON analytics.events (object_type, case_started_at);
            CREATE INDEX ix_events_order_id ON analytics.events (order_id);
            INSERT INTO analytics.cases (case_id, object_type, label, started_at, last_at, first_activity, last_activity, variant, events,
                human_steps, automated_steps, bot_ms, connector_calls, partner_id, customer_id, placed_at, shipped_at, delivered_at)
            SELECT case_id, 'order', max(case_label), min(occurred_at), max(occurred_at),
                (array_agg(activity ORDER BY occurred_at, seq))[1], (array_agg(activity ORDER BY occurred_at DESC, seq DESC))[1],
                string_agg(activity, ' > ' ORDER BY occurred_at, seq), count(*), count(*) FILTER (WHERE resource_kind = 'human'),
                count(*) FILTER (WHERE resource_kind IN ('rule', 'bot', 'ai', 'connector', 'job', 'system')),
                COALESCE(sum(duration_ms) FILTER (WHERE resource_kind = 'bot'), 0), count(*) FILTER (WHERE resource_kind = 'connector'),
                (array_agg(partner_id) FILTER (WHERE partner_id IS NOT NULL))[1], NULL,
                min(occurred_at) FILTER (WHERE activity = 'order.created'), min(occurred_at) FILTER (WHERE activity = 'status.shipped'),
                min(occurred_at) FILTER (WHERE activity = 'status.delivered')
            FROM analytics.events GROUP BY case_id;
            -- The process map's counts, rounded as EdgeDurations.Bucket rounds them.
            INSERT INTO analytics.edge_stats (case_month, partnered, from_activity, to_activity, seconds, count)
            SELECT date_trunc('month', case_started_at AT TIME ZONE 'UTC')::date, partner_id IS NOT NULL, COALESCE(prev_activity, ''),
                activity, {{EdgeDurations.BucketSql("s")}}, count(*)
            FROM (SELECT *, extract(epoch FROM occurred_at - prev_at) AS s FROM analytics.events) AS e
            GROUP BY 1, 2, 3, 4, 5;
            """);
        // VACUUM cannot run in the batch's implicit transaction: one statement each.
        await Exec(db, "VACUUM ANALYZE analytics.events");
        await Exec(db, "VACUUM ANALYZE analytics.cases");
        await log.WriteLineAsync($"analytics: the log of {events:N0} events generated in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<(long Events, double Rate, double PeakMb)> ExportAsync(IServiceProvider services, EventLogExport export,
        TextWriter log)
    {
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        var count = await InScopeAsync(services, sp => sp.GetRequiredService<EventLogExporter>().WriteXesAsync(Stream.Null, export,
            default));
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var rate = Math.Round(count / clock.Elapsed.TotalSeconds);
        var peakMb = Math.Round(peak / 1048576.0, 1);
        var seconds = clock.Elapsed.TotalSeconds;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"analytics: XES export of {count:N0} events in {seconds:F1} s = {rate:N0} events/s, heap at most +{peakMb} MB"));
        return (count, rate, peakMb);
    }

    /// <summary>The median of three timed runs, each with an empty cache of ours (PostgreSQL's own buffers stay warm).</summary>
    private static async Task<double> MedianAsync(Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return times.Order().ElementAt(1);
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        (services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static async Task Exec(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
