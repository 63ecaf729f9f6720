using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>Where the CRM is: <c>Sandbox:CrmUrl</c>, else this host's own first address (the sandbox runs inside the CRM).</summary>
public sealed class CrmAddress(IOptionsMonitor<SandboxOptions> options, IServiceProvider services)
{
    public Uri Url(string path)
    {
        var configured = options.CurrentValue.CrmUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured : OwnAddress(services);
        return new Uri(baseUrl.TrimEnd('/') + path);
    }

    /// <summary>The first address this host listens on, with a wildcard host made loopback.</summary>
    public static string OwnAddress(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The host listens on no address yet; set Sandbox:CrmUrl.");
        return address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1",
            StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
    }
}
