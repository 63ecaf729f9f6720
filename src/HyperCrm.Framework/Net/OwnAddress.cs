using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Net;

/// <summary>Where this instance listens (its first address, a wildcard read as 127.0.0.1): how the app reaches its own
/// sandbox.</summary>
public static class OwnAddress
{
    public const string Default = "http://127.0.0.1:5080";

    public static string Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Default;
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" }) address = address.Replace(wildcard, "://127.0.0.1",
            StringComparison.Ordinal);
        return address.TrimEnd('/');
    }
}
