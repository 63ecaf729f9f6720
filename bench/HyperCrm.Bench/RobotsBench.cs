using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// The robots against the running app (started by bench.sh with a given <c>Robots:MaxWorkers</c>, the sandbox's supplier
/// portal on loopback): N supplier-bot jobs put straight into the queue table, timed from the first attempt's start to
/// the last one's end (bot runs per minute), Chromium's memory sampled meanwhile (PSS per browser), and, with one
/// worker, a few out-of-stock orders through the API timed from <c>awaiting_stock</c> to <c>shipped</c> (which includes
/// the supplier's delivery delay and the ERP stock poll).
/// </summary>
internal static class RobotsBench
{
    public static async Task<Dictionary<string, object?>> RunAsync(NpgsqlDataSource db, Uri? api, string apiKey, int workers, int jobs,
        TextWriter log)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using (var insert = db.CreateCommand($"""
            INSERT INTO robots.bot_jobs (id, bot_id, bot_key, bot_name, parameters, requested_by, is_test, state, attempts, due_at,
                                         created_at, concurrency_stamp)
            SELECT gen_random_uuid(), b.id, b.key, b.name,
                   jsonb_build_object('order_number', 'B' || n, 'reference', 'BENCH-{run}-' || n,
                                      'lines', jsonb_build_array(jsonb_build_object('sku', 'OOS-00' || (1 + n % 9), 'quantity', 1))),
                   'bench', false, 'Queued', 0, now(), now(), md5(random()::text)
            FROM robots.bots b, generate_series(1, {jobs}) n WHERE b.key = 'supplier-purchase-order'
            """))
            await insert.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        long peakKb = 0;
        long over;
        do
        {
            peakKb = Math.Max(peakKb, ChromiumPssKbPerBrowser());
            await Task.Delay(250);
            over = (long)(await db.CreateCommand("SELECT count(*) FROM robots.bot_jobs WHERE requested_by = 'bench' " +
                $"AND parameters->>'reference' LIKE 'BENCH-{run}-%' AND state IN ('Succeeded', 'NeedsPerson')").ExecuteScalarAsync())!;
        }
        while (over < jobs && clock.Elapsed < TimeSpan.FromMinutes(10));
        var (span, p50, failed) = await SpanAsync(db, run);
        var perMinute = span > 0 ? Math.Round(jobs / span * 60, 1) : (double?)null;
        await log.WriteLineAsync($"robots: {workers} worker(s), {jobs} supplier-bot jobs in {span:F1} s = {perMinute} runs/min, run p50 " +
            $"{p50:F2} s, {failed} needed a person; Chromium at most {peakKb / 1024} MB (PSS) per browser");
        var result = new Dictionary<string, object?>
        {
            [$"bot_runs_per_min_w{workers}"] = perMinute,
            [$"bot_run_p50_s_w{workers}"] = p50,
            [$"bot_jobs_needing_a_person_w{workers}"] = failed,
            [$"chromium_pss_mb_per_browser_w{workers}"] = Math.Round(peakKb / 1024.0, 0),
        };
        if (workers == 1 && api is not null) result["awaiting_stock_to_shipped_p50_s"] = await OutOfStockAsync(db, api, apiKey, run, log);
        return result;
    }

    private static async Task<(double Span, double P50, long Failed)> SpanAsync(NpgsqlDataSource db, string run)
    {
        await using var command = db.CreateCommand($"""
            SELECT extract(epoch FROM max(r.finished_at) - min(r.started_at))::float8,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at))::float8,
                   (SELECT count(*) FROM robots.bot_jobs WHERE parameters->>'reference' LIKE 'BENCH-{run}-%' AND state = 'NeedsPerson')
            FROM robots.bot_runs r JOIN robots.bot_jobs j ON j.id = r.job_id WHERE j.parameters->>'reference' LIKE 'BENCH-{run}-%'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? 0 : Math.Round(reader.GetDouble(0), 1), reader.IsDBNull(1) ? 0 : Math.Round(reader.GetDouble(1), 2),
            reader.GetInt64(2));
    }

    /// <summary>
    /// Chromium's memory per browser, in KB: the proportional set size (shared pages split among the processes sharing them)
    /// of every Chromium process, divided by the browsers (the processes without <c>--type=</c>: each has its renderers,
    /// GPU and utility processes under it).
    /// </summary>
    private static long ChromiumPssKbPerBrowser()
    {
        long total = 0;
        var browsers = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.Contains("chromium", StringComparison.Ordinal)) continue;
                if (!cmdline.Contains("--type=", StringComparison.Ordinal)) browsers++;
                var pss = File.ReadAllLines(Path.Combine(dir, "smaps_rollup"))
                    .FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                if (pss is not null)
                    total += long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // It ended meanwhile, or is not ours to read.
            }
        }
        return browsers == 0 ? 0 : total / browsers;
    }

    /// <summary>Five out-of-stock orders through the API (for one SKU: some may share a purchase order); the median from
    /// awaiting_stock to shipped, in seconds.</summary>
    private static async Task<double?> OutOfStockAsync(NpgsqlDataSource db, Uri api, string apiKey, string run, TextWriter log)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        await db.CreateCommand("UPDATE automation.rules SET is_enabled = true WHERE playbook_key LIKE 'fulfil-%'").ExecuteNonQueryAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/orders", new
            {
                externalId = $"oos-{run}-{i}", currency = "RUB",
                customer = new { name = "Waiting Buyer", email = $"oos{i}-{run}@bench.test", phone = $"+791655{i:00000}" },
                shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
                // OOS-010: the queue's jobs above buy OOS-001…009, so this one is still missing at the ERP.
                lines = new[] { new { sku = "OOS-010", quantity = 1, unitPrice = 990m } },
            });
            if (response.IsSuccessStatusCode) ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            await using var count = db.CreateCommand(
                "SELECT count(*) FROM sales.orders WHERE id = ANY(@ids) AND status IN ('Shipped', 'Delivered', 'Completed')");
            count.Parameters.AddWithValue("ids", ids.ToArray());
            if ((long)(await count.ExecuteScalarAsync())! >= ids.Count) break;
            await Task.Delay(500);
        }
        await using var command = db.CreateCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.at - w.at))::float8
            FROM sales.order_steps w JOIN sales.order_steps s ON s.order_id = w.order_id AND s.what = 'status.shipped'
            WHERE w.what = 'status.awaiting_stock' AND w.order_id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var median = await command.ExecuteScalarAsync();
        var seconds = median is double d ? Math.Round(d, 1) : (double?)null;
        await log.WriteLineAsync($"robots: {ids.Count} out-of-stock orders, awaiting_stock → shipped p50 {seconds} s");
        return seconds;
    }
}
