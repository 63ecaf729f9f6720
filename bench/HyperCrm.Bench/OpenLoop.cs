using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// The scenario at a fixed arrival rate (half the shipped rate the closed loop sustained): each order is posted when it is
/// due, whether or not the ones before it came back, so the latencies are the pipeline's own and not a queue's. Reports
/// accepted → shipped p50/p95/p99 and, per step of the order's history, the p50 and p99 from acceptance to that step.
/// </summary>
internal static class OpenLoop
{
    public static async Task<Dictionary<string, object?>> RunAsync(HttpClient http, NpgsqlDataSource db, double rate, int seconds,
        TextWriter log)
    {
        var total = Math.Max(1, (int)(rate * seconds));
        var runId = Guid.NewGuid().ToString("N")[..8];
        var accepted = new ConcurrentBag<Guid>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/orders",
                        ScenarioBench.OrderBody($"open-{runId}-{n}", 90 + n % 10, n));
                    if (response.IsSuccessStatusCode)
                        accepted.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }
        await Task.WhenAll(inFlight);
        var ids = accepted.ToArray();
        var shipped = await ScenarioBench.WaitUntilShippedAsync(db, ids);

        // From acceptance (the order's creation time) to each step of its history, and to shipped.
        var steps = new List<(string What, int Orders, double P50, double P99)>();
        double p50 = double.NaN, p95 = double.NaN, p99 = double.NaN;
        await using (var command = db.CreateCommand("""
            SELECT s.what, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),
                percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), min(first_at)
            FROM (SELECT DISTINCT ON (s.order_id, s.what) s.what, extract(epoch FROM s.at - o.creation_time)::float8 * 1000 AS ms,
                    s.at - o.creation_time AS first_at
                  FROM sales.orders o JOIN sales.order_steps s ON s.order_id = o.id WHERE o.id = ANY(@ids)
                  ORDER BY s.order_id, s.what, s.at) s
            GROUP BY s.what ORDER BY 6
            """))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var what = reader.GetString(0);
                steps.Add((what, reader.GetInt32(1), Math.Round(reader.GetDouble(2), 1), Math.Round(reader.GetDouble(4), 1)));
                if (what == "status.shipped") (p50, p95, p99) = (Math.Round(reader.GetDouble(2), 1), Math.Round(reader.GetDouble(3), 1),
                    Math.Round(reader.GetDouble(4), 1));
            }
        }
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"open loop: {ids.Length} orders at {rate:F1}/s, {shipped} shipped, {failed} failed; " +
            $"accepted → shipped p50 {p50} p95 {p95} p99 {p99} ms"));
        foreach (var (what, orders, stepP50, stepP99) in steps)
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  → {what,-32} {orders,6} orders  p50 {stepP50,9} ms  p99 {stepP99,9} ms"));
        return new Dictionary<string, object?>
        {
            ["half_rate_orders_per_s"] = Math.Round(rate, 1),
            ["half_rate_orders"] = ids.Length,
            ["half_rate_shipped"] = shipped,
            ["half_rate_failed_requests"] = failed,
            ["p50_half_rate_ms"] = p50,
            ["p95_half_rate_ms"] = p95,
            ["p99_half_rate_ms"] = p99,
            ["half_rate_step_p99_ms"] = steps.ToDictionary(s => s.What, s => s.P99),
        };
    }
}
