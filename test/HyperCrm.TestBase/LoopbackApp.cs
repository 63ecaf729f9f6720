using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperCrm.TestBase;

/// <summary>
/// A small Kestrel app on a free loopback port: a test's stand-in for something outside the app (a partner's webhook
/// endpoint, an OTLP collector, the simulators run on their own).
/// </summary>
public static class LoopbackApp
{
    /// <summary>Builds it (<paramref name="configure"/> before, <paramref name="map"/> after), starts it, and returns it with its
    /// base address (no trailing slash).</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(Action<WebApplication> map,
        Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
    }
}
