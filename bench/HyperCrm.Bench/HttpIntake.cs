using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace HyperCrm.Bench;

/// <summary>
/// Order intake over HTTP against the running app (Kestrel, auth, rate limiter, Idempotency-Key middleware, validation):
/// first the sustained rate with N closed-loop writers, then an open-loop run at half that rate, where each request's
/// latency is measured from the moment it was due (so a stall is not hidden by fewer requests being sent).
/// </summary>
internal static class HttpIntake
{
    public sealed record Result(double SustainedPerSecond, double SaturatedP99Ms, double HalfRatePerSecond, double HalfRateP50Ms,
        double HalfRateP95Ms, double HalfRateP99Ms, int Failed);

    public static async Task<Result> RunAsync(Uri baseUrl, string apiKey, int workers, int seconds, TextWriter log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var failed = 0;

        // Warm-up: JIT, connection pools, plans.
        for (var i = 0; i < 20; i++) await PostAsync(http, $"warm-{runId}-{i}", i);

        var saturated = new ConcurrentBag<double>();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; stop.Elapsed.TotalSeconds < seconds; i++)
            {
                var watch = Stopwatch.StartNew();
                if (await PostAsync(http, $"sat-{runId}-{worker}-{i}", i)) saturated.Add(watch.Elapsed.TotalMilliseconds);
                else Interlocked.Increment(ref failed);
            }
        })));
        var sustained = saturated.Count / stop.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"HTTP intake: {sustained:F1} orders/s sustained with {workers} writers, p99 " +
            $"{Percentiles.Of([.. saturated], 99)} ms");

        var rate = sustained / 2;
        var half = new ConcurrentBag<double>();
        var total = (int)(rate * seconds);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            inFlight.Add(Task.Run(async () =>
            {
                if (await PostAsync(http, $"half-{runId}-{n}", n)) half.Add((clock.Elapsed - due).TotalMilliseconds);
                else Interlocked.Increment(ref failed);
            }));
        }
        await Task.WhenAll(inFlight);
        await log.WriteLineAsync($"HTTP intake at {rate:F1}/s: p50 {Percentiles.Of([.. half], 50)} p95 {Percentiles.Of([.. half], 95)} " +
            $"p99 {Percentiles.Of([.. half], 99)} ms");
        return new Result(Math.Round(sustained, 1), Percentiles.Of([.. saturated], 99), Math.Round(rate, 1),
            Percentiles.Of([.. half], 50), Percentiles.Of([.. half], 95), Percentiles.Of([.. half], 99), failed);
    }

    private static async Task<bool> PostAsync(HttpClient http, string externalId, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new
            {
                externalId, currency = "RUB",
                customer = new { name = "HTTP Buyer", email = $"http{i % 500}@bench.test", phone = (string?)null },
                shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
                lines = new[] { new { sku = "SKU-002", quantity = 1, unitPrice = 990m } },
            }),
        };
        request.Headers.Add("Idempotency-Key", externalId);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
