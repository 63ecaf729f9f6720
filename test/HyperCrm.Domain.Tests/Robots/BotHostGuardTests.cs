using HyperCrm.Robots.Runner;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Robots;

public sealed class BotHostGuardTests
{
    private static readonly BotHostGuard Guard = new(["sandbox", "93.184.216.34", "intranet.local:8443"], "127.0.0.1:5080",
        ["intranet.local"]);

    [Theory]
    [InlineData("http://127.0.0.1:5080/sandbox/supplier/")]
    [InlineData("http://93.184.216.34/portal")]
    [InlineData("https://intranet.local:8443/login")]
    [InlineData("about:blank")]
    public async Task A_Listed_Host_Should_Be_Allowed(string url) => (await Guard.CheckAsync(url, CancellationToken.None)).ShouldBeNull();

    [Theory]
    [InlineData("http://127.0.0.1:5081/", "not among the hosts")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "not among the hosts")]
    [InlineData("https://intranet.local:9000/", "not among the hosts")]
    [InlineData("file:///etc/passwd", "not an http")]
    [InlineData("http://127.0.0.1:5080/Settings/Robots", "only its simulators")]
    [InlineData("http://127.0.0.1:5080/sandboxed/", "only its simulators")]
    [InlineData("http://user:secret@93.184.216.34/", "user name or password")]
    public async Task Anything_Else_Should_Be_Refused(string url, string why) =>
        (await Guard.CheckAsync(url, CancellationToken.None)).ShouldNotBeNull().ShouldContain(why);

    [Fact]
    public async Task A_Listed_Host_That_Resolves_Inward_Should_Need_An_Admin()
    {
        var guard = new BotHostGuard(["10.0.0.7", "localhost"], sandboxAuthority: null, privateHosts: []);
        (await guard.CheckAsync("http://10.0.0.7/", CancellationToken.None)).ShouldNotBeNull().ShouldContain("Robots:PrivateHosts");
        (await guard.CheckAsync("http://localhost/", CancellationToken.None)).ShouldNotBeNull().ShouldContain("loopback");
    }

    [Fact]
    public async Task Sandbox_Should_Mean_Nothing_When_The_Sandbox_Is_Off()
    {
        var guard = new BotHostGuard(["sandbox"], sandboxAuthority: null, privateHosts: []);
        (await guard.CheckAsync("http://127.0.0.1:5080/sandbox/supplier/", CancellationToken.None)).ShouldNotBeNull();
    }
}
