using HyperCrm.Framework.Net;
using HyperCrm.Robots.Application;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// The simulators a bot's <c>sandbox</c> host and <c>{{sandbox.url}}</c> mean: <c>Robots:SandboxUrl</c> when they run as a
/// process of their own (etc/deploy/run-cluster.sh), e.g. <c>http://127.0.0.1:5090/sandbox</c>; else this app's own
/// <c>/sandbox</c>, there while <c>Sandbox:Enabled</c>.
/// </summary>
public static class BotSandbox
{
    private const string UrlKey = RobotsOptions.Section + ":SandboxUrl";

    /// <summary>Whether there are simulators to reach at all.</summary>
    public static bool IsAvailable(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[UrlKey] is { Length: > 0 } || configuration.GetValue("Sandbox:Enabled", false);
    }

    /// <summary>Their base address, ending in /sandbox.</summary>
    public static string BaseUrl(IConfiguration configuration, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[UrlKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{OwnAddress.Of(services)}/sandbox";
    }
}
