using System.Net;

namespace HyperCrm.Sandbox;

/// <summary>
/// The sandbox is anonymous by design (it stands for the internet), so it is kept on loopback: the host refuses to start
/// with it enabled on a non-loopback address unless <c>Sandbox:AllowRemote</c> is true, a request to it from another
/// machine (after forwarded headers) is 404 likewise, and every start with it enabled logs a warning.
/// </summary>
public static class SandboxExposure
{
    /// <summary>Throws when one of the URLs the host listens on is not loopback and remote use is not allowed.</summary>
    public static void EnsureLoopbackOnly(IEnumerable<string> urls, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (allowRemote) return;
        var remote = urls.FirstOrDefault(url => !IsLoopbackUrl(url));
        if (remote is not null)
            throw new InvalidOperationException(
                $"The sandbox is enabled and the app listens on {remote}, which is not loopback: anyone who reaches it could place " +
                    $"orders, read the simulated SMS and mail, and set faults. " +
                "Listen on 127.0.0.1, turn the sandbox off (Sandbox__Enabled=false), or set Sandbox__AllowRemote=true on purpose.");
    }

    public static bool IsLoopbackUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host[(scheme + 3)..];
        host = host.Split('/')[0];
        // [::1]:5080, 127.0.0.1:5080, localhost:5080; '*', '+' and 0.0.0.0 mean every interface.
        var port = host.LastIndexOf(':');
        if (port > 0 && host.IndexOf(']', StringComparison.Ordinal) < port) host = host[..port];
        host = host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host,
            out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Only a caller on this machine reaches the sandbox, unless remote use is allowed.</summary>
    public static bool MayServe(HttpContext context, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        return allowRemote || remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
