using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// The Prometheus scrape endpoint: the app's own meters beside ASP.NET Core's, Npgsql's and the runtime's; free to this
/// machine, and to anyone else only with the metrics token. problem+json's traceId is the request's W3C trace id.
/// </summary>
public sealed class ObservabilityTests(ProxiedFixture app) : IClassFixture<ProxiedFixture>
{
    [Fact]
    public async Task Metrics_Should_Expose_The_Apps_Own_Meters_To_A_Local_Scraper()
    {
        await app.PlaceOrderAsync("metrics-1", "metrics.one@example.com", "Metrics One");
        using var local = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var text = await Eventually.WaitForAsync(async () => await local.GetStringAsync("/metrics"),
            body => body.Contains("hypercrm_events_delivered_total{", StringComparison.Ordinal)
                    && body.Contains("hypercrm_events_lag_seconds_bucket{", StringComparison.Ordinal)
                    && body.Contains("module=\"sales\"", StringComparison.Ordinal));

        text.ShouldContain("http_server_request_duration_seconds");
        text.ShouldContain("db_client_");
        text.ShouldContain("dotnet_gc_");
    }

    [Fact]
    public async Task Metrics_Should_Refuse_A_Remote_Scraper_Without_The_Token()
    {
        using var anonymous = app.Forwarded("203.0.113.9");
        using var wrong = app.Forwarded("203.0.113.9");
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using var scraper = app.Forwarded("203.0.113.9");
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProxiedFixture.MetricsToken);

        var refused = await anonymous.GetAsync("/metrics");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("hypercrm_");
        (await wrong.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var scraped = await scraper.GetAsync("/metrics");
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scraped.Content.ReadAsStringAsync()).ShouldContain("# TYPE");
    }

    [Fact]
    public async Task Health_Should_Give_A_Remote_Caller_The_Statuses_And_Not_The_Checks_Words()
    {
        using var remote = app.Forwarded("203.0.113.10");
        using var local = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var outside = await remote.GetStringAsync("/health/ready");
        var inside = await local.GetStringAsync("/health/ready");

        outside.ShouldContain("\"database\"");
        outside.ShouldNotContain("description");
        inside.ShouldContain("The database answers.");
    }

    [Fact]
    public async Task A_Problem_Should_Carry_The_W3C_Trace_Id_Of_Its_Request()
    {
        // Without the client's own trace propagation, so the header below reaches the app as written.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orders/not-a-guid");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HyperCrmWebApplicationFactory.PartnerKey);

        var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString().ShouldBe(traceId);
    }
}
