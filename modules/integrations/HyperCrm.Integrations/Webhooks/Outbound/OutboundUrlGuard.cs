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

    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                   || (b[0] & 0xFE) == 0xFC                                                  // fc00::/7 unique local
                   || (b[0] == 0x20 && b[1] == 0x02)                                         // 2002::/16 6to4, wraps any IPv4
                   || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)               // 2001::/32 Teredo
                   || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)         // 64:ff9b::/96 NAT64 (and 64:ff9b:1::/48)
                   || b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;                          // ::/96 IPv4-compatible
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] >= 64 && v4[1] <= 127,            // 100.64.0.0/10 carrier-grade NAT
            169 => v4[1] == 254,                           // link-local, cloud metadata
            172 => v4[1] >= 16 && v4[1] <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] == 0),
            198 => v4[1] is 18 or 19,                      // benchmarking
            >= 224 => true,                                // multicast and reserved
            _ => false,
        };
    }

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
