using System.Collections.Concurrent;
using System.Text;
using HyperCrm.TestBase;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces and metrics leave the app over OTLP (here over HTTP/protobuf to a
/// collector on loopback that keeps what it is sent): an order's spans, with the service's name, and the app's own meters.
/// </summary>
public sealed class OtlpExportTests(OtlpExportTests.CollectorFixture app) : IClassFixture<OtlpExportTests.CollectorFixture>
{
    [Fact]
    public async Task Traces_And_Metrics_Should_Reach_The_Otlp_Collector()
    {
        await app.PlaceOrderAsync("otlp-1", "otlp.one@example.com", "Otlp One");

        var traces = await Eventually.WaitForAsync(() => Task.FromResult(app.Received("/v1/traces")),
            bodies => bodies.Any(b => b.Contains("/api/v1/orders", StringComparison.Ordinal)));
        traces.ShouldContain(b => b.Contains("hypercrm", StringComparison.Ordinal));
        var metrics = await Eventually.WaitForAsync(() => Task.FromResult(app.Received("/v1/metrics")),
            bodies => bodies.Any(b => b.Contains("hypercrm.events.delivered", StringComparison.Ordinal)));
        metrics.ShouldContain(b => b.Contains("http.server.request.duration", StringComparison.Ordinal));
    }

    /// <summary>The app, with an OTLP collector on loopback started before it and its exporters pointed at it.</summary>
    public sealed class CollectorFixture : HyperCrmWebApplicationFactory
    {
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
        private WebApplication? _collector;
        private string _collectorUrl = string.Empty;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collectorUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Exported within a second rather than the defaults' 5 s (spans) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };

        /// <summary>What was posted to <paramref name="path"/>, as text (protobuf keeps names and strings as UTF-8).</summary>
        public IReadOnlyList<string> Received(string path) => _received.Where(r => r.Path == path).Select(r => r.Body).ToList();

        public override async Task InitializeAsync()
        {
            (_collector, _collectorUrl) = await LoopbackApp.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                _received.Enqueue((context.Request.Path.Value!, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            }));
            await base.InitializeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _collector?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _collector = null;
        }
    }
}
