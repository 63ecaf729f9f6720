using HyperCrm.Framework.Net;
using HyperCrm.Robots.Application;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// The simulators a bot's <c>sandbox</c> host and <c>{{sandbox.url}}</c> mean: <see cref="RobotsOptions.SandboxUrl"/> when
/// they run as a process of their own, e.g. <c>http://127.0.0.1:5090/sandbox</c>; else this app's own <c>/sandbox</c>, there
/// while <c>Sandbox:Enabled</c>.
/// </summary>
public static class BotSandbox
{
    /// <summary>Whether there are simulators to reach at all.</summary>
    public static bool IsAvailable(RobotsOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        return options.SandboxUrl is { Length: > 0 } || configuration.GetValue("Sandbox:Enabled", false);
    }

    /// <summary>Their base address, ending in /sandbox.</summary>
    public static string BaseUrl(RobotsOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SandboxUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{OwnAddress.Of(services)}/sandbox";
    }
}
