using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>
/// The SSRF guard for every request an admin or partner can aim (webhook subscriptions, <c>http.call</c>): only http(s),
/// no credentials in the URL, and no loopback, private, link-local, CGNAT, multicast or unspecified address, unless
/// the host is in <c>Webhooks:AllowedHosts</c>. Checked when the URL is saved and again on every connection (so a
/// DNS name that later resolves inward is caught), with redirects off.
/// </summary>
public sealed class OutboundUrlGuard(IConfiguration configuration)
{
    public IReadOnlyCollection<string> AllowedHosts =>
        configuration.GetSection("Webhooks:AllowedHosts").GetChildren().Select(c => c.Value).OfType<string>().Where(h => h.Length > 0)
            .Select(h => h.Trim().ToLowerInvariant()).ToHashSet();

    public bool IsAllowedHost(string host) => AllowedHosts.Contains(host.Trim('[', ']').ToLowerInvariant());

    /// <summary>Null when the URL may be called; else why not, in words for the caller.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "The URL must be an absolute http or https URL.";
        if (uri.UserInfo.Length > 0) return "The URL must not carry a user name or password.";
        if (IsAllowedHost(uri.IdnHost)) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'),
                out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }
        if (addresses.Length == 0) return $"The host '{uri.Host}' does not resolve.";
        return addresses.FirstOrDefault(IsForbidden) is { } inward
            ? $"The host '{uri.Host}' resolves to {inward}, a loopback, private or link-local address; an admin must allow it " +
                $"(Webhooks:AllowedHosts)."
            : null;
    }

    public static bool IsForbidden(IPAddress address) => HyperCrm.Framework.Net.InternalAddresses.IsInternal(address);

    /// <summary>A handler whose every connection is checked again, after DNS, before a byte is sent.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        // Through a proxy the connect-time check would see the proxy, not the target.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host,
                cancellationToken);
            var allowed = IsAllowedHost(host) ? addresses : addresses.Where(a => !IsForbidden(a)).ToArray();
            if (allowed.Length == 0) throw new HttpRequestException($"Refused: '{host}' resolves only to loopback, private or link-local " +
                $"addresses.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
