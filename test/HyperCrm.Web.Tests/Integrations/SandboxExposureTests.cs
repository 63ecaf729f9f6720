using System.Net;
using HyperCrm.Sandbox;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>The anonymous sandbox stays on this machine: refused beyond loopback unless allowed, and flagged in the UI.</summary>
public sealed class SandboxExposureTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("https://crm.example.com", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    public void The_Sandbox_Should_Start_Only_On_Loopback_Unless_Allowed(string url, bool loopback)
    {
        SandboxExposure.IsLoopbackUrl(url).ShouldBe(loopback);
        if (loopback) SandboxExposure.EnsureLoopbackOnly([url], allowRemote: false);
        else Should.Throw<InvalidOperationException>(() => SandboxExposure.EnsureLoopbackOnly(["http://127.0.0.1:5080", url],
            allowRemote: false)).Message.ShouldContain("Sandbox__AllowRemote");
        SandboxExposure.EnsureLoopbackOnly([url], allowRemote: true);
    }

    [Fact]
    public async Task A_Caller_From_Another_Machine_Should_Not_Reach_The_Sandbox_And_Staff_Should_See_The_Banner()
    {
        using var local = app.Http();
        (await local.GetAsync("/sandbox/sms/ledger")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same request as a local reverse proxy forwards it for a client elsewhere.
        using var remote = app.Http();
        remote.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        (await remote.GetAsync("/sandbox/sms/ledger")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await remote.PostAsync("/sandbox/erp/faults", new StringContent("{\"mode\":\"fail\",\"seconds\":60}", System.Text.Encoding.UTF8,
            "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var staff = await app.SignInAsync();
        (await staff.GetStringAsync("/")).ShouldContain("data-testid=\"sandbox-banner\"");
        (await app.Http().GetStringAsync("/Account/Login")).ShouldContain("data-testid=\"sandbox-banner\"");
    }
}
