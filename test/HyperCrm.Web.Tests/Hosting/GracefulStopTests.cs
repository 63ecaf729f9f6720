using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>An instance of its own, told to stop as SIGTERM does.</summary>
public sealed class StoppingFixture : HyperCrmWebApplicationFactory;

/// <summary>
/// Once the host begins to stop, a request that still arrives is told to come back (503 with Retry-After, the connection
/// closed) instead of starting work that the stop would cut in half; people get a plain page, machines a problem.
/// </summary>
public sealed class GracefulStopTests(StoppingFixture app) : IClassFixture<StoppingFixture>
{
    [Fact]
    public async Task Requests_Arriving_While_The_Host_Stops_Should_Be_Told_To_Retry()
    {
        using var partner = app.CreatePartnerClient();
        (await partner.GetAsync("/api/v1/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var api = await partner.GetAsync("/api/v1/orders");
        var page = await app.CreateBrowserClient().GetAsync("/Account/Login");
        var health = await app.CreateClient().GetAsync("/health/ready");

        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        api.Headers.RetryAfter.ShouldNotBeNull();
        api.Headers.ConnectionClose.ShouldBe(true);
        (await api.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>().ShouldBe("Common:Stopping");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
