using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// The order-to-delivery scenario under load, over HTTP against the running app with the sandbox on loopback: orders
/// posted by N writers, each taken by the playbook through the ERP, the WMS, the courier and the SMS gateway. Measures
/// accepted → shipped latency from the database's own timestamps, the shipped rate, commits per order, lost orders and
/// duplicate side effects (from the simulators' ledgers). Then the partner-webhook dispatcher alone: signed deliveries
/// to a loopback receiver, each attempt logged.
/// </summary>
internal static class ScenarioBench
{
    private static readonly string[] Operations = ["customer_order.create", "stock.reserve", "pick_task.create", "shipment.create",
        "message.send"];

    public static async Task<Dictionary<string, object?>> RunAsync(Uri baseUrl, string apiKey, NpgsqlDataSource db, int workers,
        int seconds, bool openLoop, TextWriter log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        await using var receiver = await Receiver.StartAsync();

        // The intake phases before left work behind (each order's deal, segment and timeline): the scenario starts once the
        // engine and every outbox are idle, and how long that took is a figure too.
        var backlog = await DrainAsync(db, log);
        // The playbook's fulfilment rules take part here (the in-process figures ran without them).
        await db.CreateCommand("UPDATE automation.rules SET is_enabled = true WHERE playbook_key LIKE 'fulfil-%'").ExecuteNonQueryAsync();
        var subscribed = await http.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = receiver.Url,
            events = new[] { "order.created", "order.status_changed" } });
        if (!subscribed.IsSuccessStatusCode) throw new InvalidOperationException($"Subscribing failed: {(int)subscribed.StatusCode} " +
            $"{await subscribed.Content.ReadAsStringAsync()}");
        var subscriptionId = (await subscribed.Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!.GetValue<Guid>();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var commitsBefore = await CommitsAsync(db);
        var statementsBefore = await StatementCounts.SnapshotAsync(db);
        var app = AppUsage.FromEnvironment();
        var cpuBefore = app?.CpuSeconds();
        var accepted = new ConcurrentBag<Guid>();
        var failed = 0;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
            {
                var externalId = $"e2e-{runId}-{worker}-{i}";
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/orders", OrderBody(externalId, worker, i));
                    if (response.IsSuccessStatusCode)
                        accepted.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var acceptSeconds = clock.Elapsed.TotalSeconds;
        var ids = accepted.ToArray();
        await log.WriteLineAsync($"scenario: {ids.Length} orders accepted in {acceptSeconds:F1} s ({ids.Length / acceptSeconds:F1}/s); " +
            $"waiting for them to ship");

        var shipped = await WaitUntilShippedAsync(db, ids);
        var allShippedSeconds = clock.Elapsed.TotalSeconds;
        if (shipped < ids.Length) await DescribeStuckAsync(db, ids, log);
        var commits = await CommitsAsync(db) - commitsBefore;
        var cpu = app?.CpuSeconds() - cpuBefore;
        var statements = statementsBefore is null ? null : await StatementCounts.SinceAsync(db, statementsBefore, ids.Length);
        var latencies = new List<double>();
        await using (var command = db.CreateCommand(
            "SELECT extract(epoch FROM s.at - o.creation_time) * 1000 FROM sales.orders o JOIN sales.order_steps s ON s.order_id = o.id " +
                "AND s.what = 'status.shipped' WHERE o.id = ANY(@ids)"))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) latencies.Add(Math.Round((double)reader.GetDecimal(0), 1));
        }
        var stored = await ScalarAsync(db, "SELECT count(*) FROM sales.orders WHERE id = ANY(@ids)", ids);
        var duplicates = await DuplicateSideEffectsAsync(http, ids);
        var webhooks = await ScalarAsync(db,
            $"SELECT count(*) FROM integrations.webhook_deliveries WHERE subscription_id = '{subscriptionId}' AND state = 'Delivered'",
                ids);
        await log.WriteLineAsync($"scenario: {shipped}/{ids.Length} shipped, accepted→shipped p50 {Percentiles.Of(latencies, 50)} p95 " +
            $"{Percentiles.Of(latencies, 95)} p99 {Percentiles.Of(latencies, 99)} ms; " +
                                 $"{commits / Math.Max(1.0, ids.Length):F1} commits/order; {duplicates} duplicate side effects; " +
                                     $"{webhooks} webhooks delivered");

        // The open loop starts once the closed loop's tail (deliveries, completions, webhooks) has drained, at half its rate.
        Dictionary<string, object?>? halfRate = null;
        if (openLoop && shipped > 0)
        {
            await DrainAsync(db, log);
            halfRate = await OpenLoop.RunAsync(http, db, shipped / allShippedSeconds / 2, seconds, log);
        }
        var dispatcher = await DispatcherAsync(db, subscriptionId, receiver, log);
        await db.CreateCommand("UPDATE automation.rules SET is_enabled = false WHERE playbook_key LIKE 'fulfil-%'").ExecuteNonQueryAsync();
        // A later run against the same database must not find this run's receiver subscribed (and failing) any more.
        (await http.DeleteAsync($"/api/v1/webhooks/subscriptions/{subscriptionId}")).EnsureSuccessStatusCode();
        var figures = new Dictionary<string, object?>
        {
            ["backlog_before_scenario_s"] = backlog,
            ["orders_accepted_per_s"] = Math.Round(ids.Length / acceptSeconds, 1),
            ["orders_shipped_per_s"] = Math.Round(shipped / allShippedSeconds, 1),
            ["scenario_orders"] = ids.Length,
            ["scenario_orders_shipped"] = shipped,
            ["scenario_failed_requests"] = failed,
            ["p50_ms"] = Percentiles.Of(latencies, 50),
            ["p95_ms"] = Percentiles.Of(latencies, 95),
            ["p99_ms"] = Percentiles.Of(latencies, 99),
            ["commits_per_order"] = ids.Length == 0 ? null : Math.Round(commits / (double)ids.Length, 1),
            ["statements_per_order"] = statements?.PerOrder,
            ["write_commits_per_order"] = statements?.WriteCommitsPerOrder,
            ["statements_per_order_by_kind"] = statements?.ByKind,
            ["app_cpu_s_per_shipped"] = cpu is { } used && shipped > 0 ? Math.Round(used / shipped, 4) : null,
            ["app_peak_memory_mb"] = app?.PeakMemoryMb(),
            ["lost_orders"] = ids.Length - stored,
            ["duplicate_side_effects"] = duplicates,
            ["scenario_webhooks_delivered"] = webhooks,
            ["webhook_deliveries_per_s"] = dispatcher.PerSecond,
            ["webhook_delivery_p95_ms"] = dispatcher.P95Ms,
        };
        if (halfRate is not null) foreach (var (key, value) in halfRate) figures[key] = value;
        if (statements is not null && Environment.GetEnvironmentVariable("BENCH_BREAKDOWN_FILE") is { Length: > 0 } breakdownFile)
            await File.WriteAllTextAsync(breakdownFile, statements.Table);
        return figures;
    }

    /// <summary>Waits (at most ten minutes) until no run is pending or running and every module's outbox is delivered;
    /// returns how long it took, in seconds.</summary>
    private static async Task<double> DrainAsync(NpgsqlDataSource db, TextWriter log)
    {
        var schemas = new List<string>();
        await using (var reader = await db.CreateCommand(
                         "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages'").ExecuteReaderAsync())
            while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        var pending = "SELECT (SELECT count(*) FROM automation.runs WHERE state IN ('Pending', 'Running')) + " + string.Join(" + ",
            schemas.Select(s => $"(SELECT count(*) FROM \"{s}\".outbox_messages WHERE processed_at IS NULL)"));
        var watch = Stopwatch.StartNew();
        long left;
        do
        {
            left = (long)(await db.CreateCommand(pending).ExecuteScalarAsync())!;
            if (left == 0) break;
            await Task.Delay(1000);
        }
        while (watch.Elapsed < TimeSpan.FromMinutes(10));
        await log.WriteLineAsync($"scenario: the earlier phases' backlog drained in {watch.Elapsed.TotalSeconds:F0} s ({left} left)");
        return Math.Round(watch.Elapsed.TotalSeconds, 1);
    }

    /// <summary>Where the orders that did not ship stopped: their statuses and their runs' states and steps.</summary>
    private static async Task DescribeStuckAsync(NpgsqlDataSource db, Guid[] ids, TextWriter log)
    {
        await using var command = db.CreateCommand(
            "SELECT o.status, coalesce(r.state, '-'), coalesce(r.current_step_id, '-'), " +
            "coalesce(left(r.last_error::text, 160), ''), count(*) " +
            "FROM sales.orders o LEFT JOIN automation.runs r ON r.subject_id = o.id AND r.rule_name LIKE 'Orders go to%' " +
            "WHERE o.id = ANY(@ids) AND o.status NOT IN ('Shipped', 'Delivered', 'Completed') GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC LIMIT " +
                "10");
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            await log.WriteLineAsync($"  not shipped: {reader.GetInt64(4)} x order {reader.GetString(0)}, run {reader.GetString(1)} at " +
                $"{reader.GetString(2)} {reader.GetString(3)}");
    }

    /// <summary>Extra ledger entries for the same operation and order: anything above one is a side effect done twice.</summary>
    private static async Task<int> DuplicateSideEffectsAsync(HttpClient http, Guid[] ids)
    {
        var ours = ids.Select(i => i.ToString()).ToHashSet();
        var extra = 0;
        foreach (var service in new[] { "erp", "wms", "courier", "sms" })
        {
            var ledger = (await http.GetFromJsonAsync<JsonArray>($"/sandbox/{service}/ledger"))!;
            extra += ledger.Where(e => e!["reference"]?.GetValue<string>() is { } r && ours.Contains(r)
                && Operations.Contains(e["operation"]!.GetValue<string>()))
                .GroupBy(e => (e!["operation"]!.GetValue<string>(), e["reference"]!.GetValue<string>()))
                .Sum(g => g.Count() - 1);
        }
        return extra;
    }

    /// <summary>The dispatcher alone: N queued deliveries (a real order payload), signed, sent to the loopback receiver, every attempt
    /// logged.</summary>
    private static async Task<(double PerSecond, double P95Ms)> DispatcherAsync(NpgsqlDataSource db, Guid subscriptionId, Receiver receiver,
        TextWriter log)
    {
        const int n = 5000;
        var before = receiver.Count;
        await using (var command = db.CreateCommand($"""
            INSERT INTO integrations.webhook_deliveries (id, subscription_id, partner_id, event_type, event_key, order_id, payload, state,
            attempts, created_at, next_attempt_at)
            SELECT gen_random_uuid(), d.subscription_id, d.partner_id, d.event_type, 'bench:' || g, d.order_id, d.payload, 'Pending', 0,
            now(), now()
            FROM (SELECT * FROM integrations.webhook_deliveries WHERE subscription_id = '{subscriptionId}' LIMIT 1) d, generate_series(1,
            {n}) g
            """))
        {
            await command.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        long done = 0;
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            done = await ScalarAsync(db, "SELECT count(*) FROM integrations.webhook_deliveries WHERE event_key LIKE 'bench:%' " +
                $"AND subscription_id = '{subscriptionId}' AND state = 'Delivered'", []);
            if (done >= n) break;
            await Task.Delay(200);
        }
        var perSecond = Math.Round(done / watch.Elapsed.TotalSeconds, 1);
        var lag = new List<double>();
        await using (var command = db.CreateCommand("SELECT extract(epoch FROM delivered_at - created_at) * 1000 FROM " +
            $"integrations.webhook_deliveries WHERE event_key LIKE 'bench:%' AND subscription_id = '{subscriptionId}' " +
            "AND delivered_at IS NOT NULL"))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lag.Add(Math.Round((double)reader.GetDecimal(0), 1));
        }
        var attempts = await ScalarAsync(db,
            "SELECT count(*) FROM integrations.webhook_attempts a JOIN integrations.webhook_deliveries d ON d.id = a.delivery_id WHERE " +
                $"d.event_key LIKE 'bench:%' AND d.subscription_id = '{subscriptionId}'", []);
        await log.WriteLineAsync($"webhooks: {done}/{n} delivered at {perSecond}/s, {attempts} attempts logged, " +
            $"{receiver.Count - before} received, p95 queue→delivered {Percentiles.Of(lag, 95)} ms");
        return (perSecond, Percentiles.Of(lag, 95));
    }

    /// <summary>A shop's order as the scenario posts it: one of 300 returning buyers per writer, one of 50 SKUs.</summary>
    internal static object OrderBody(string externalId, int worker, int i) => new
    {
        externalId, currency = "RUB",
        customer = new { name = "Scenario Buyer", email = $"e2e{worker}-{i % 300}@bench.test",
            phone = $"+7916{worker:00}{i % 100000:00000}" },
        shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
        lines = new[] { new { sku = $"SKU-{1 + (i % 50):000}", quantity = 1, unitPrice = 990m } },
    };

    /// <summary>Waits until every one of <paramref name="ids"/> has shipped (or stopped somewhere), at most two minutes;
    /// returns how many shipped.</summary>
    internal static async Task<long> WaitUntilShippedAsync(NpgsqlDataSource db, Guid[] ids)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        long shipped = 0;
        while (DateTime.UtcNow < deadline)
        {
            shipped = await ScalarAsync(db,
                "SELECT count(*) FROM sales.orders WHERE id = ANY(@ids) AND status IN ('Shipped', 'Delivered', 'Completed')", ids);
            if (shipped >= ids.Length) break;
            await Task.Delay(250);
        }
        return shipped;
    }

    internal static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, Guid[] ids)
    {
        await using var command = db.CreateCommand(sql);
        if (sql.Contains("@ids", StringComparison.Ordinal)) command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> CommitsAsync(NpgsqlDataSource db) =>
        (long)(await db.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").ExecuteScalarAsync())!;

    /// <summary>A partner's endpoint on loopback that answers 204 and counts.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private long _count;

        private Receiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = string.Empty;

        public long Count => Interlocked.Read(ref _count);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hooks", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref receiver._count);
                return Results.NoContent();
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
