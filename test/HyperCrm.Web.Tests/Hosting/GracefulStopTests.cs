using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using HyperCrm.Web.Hosting;
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

        // What SIGTERM sets (ApplicationStopping), without letting this test host tear its server down meanwhile.
        app.Services.GetRequiredService<StoppingState>().Begin();
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

    [Fact]
    public void The_Stopping_State_Should_Follow_The_Hosts_Stopping_Signal()
    {
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var state = new StoppingState(lifetime);
        state.IsStopping.ShouldBeFalse();

        lifetime.StopApplication();

        state.IsStopping.ShouldBeTrue();
    }
}
