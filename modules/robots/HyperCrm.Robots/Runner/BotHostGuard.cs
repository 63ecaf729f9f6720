using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HyperCrm.Framework.Net;
using HyperCrm.Robots.Domain.Bots;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// Least privilege for one run: a URL may be opened (a navigation, or any request the page makes) only over http(s), without
/// credentials in it, on a host the bot's definition lists (<c>sandbox</c> names this app's own simulators, when the sandbox
/// is on, and there only its <c>/sandbox</c> pages, never the CRM's own), and, SSRF guard, not on a host resolving to a
/// loopback, private or link-local address unless it is the sandbox or an admin allowed it (<c>Robots:PrivateHosts</c>).
/// Host names are resolved once per run.
/// </summary>
public sealed class BotHostGuard
{
    private readonly HashSet<string> _hosts;
    private readonly HashSet<string> _private;
    private readonly string? _sandbox;
    private readonly ConcurrentDictionary<string, bool> _internal = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="sandboxAuthority">This app's host:port when the sandbox is on, else null.</param>
    public BotHostGuard(IEnumerable<string> allowedHosts, string? sandboxAuthority, IEnumerable<string> privateHosts)
    {
        _sandbox = sandboxAuthority?.ToLowerInvariant();
        _hosts = allowedHosts.Select(h => h.Trim().ToLowerInvariant())
            .Select(h => h == BotDefinition.SandboxHost ? _sandbox : h).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _private = privateHosts.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Null when the bot may open the URL; else why not, in words for the run's log.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank") return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return $"'{Short(url)}' is not an http(s) address.";
        if (uri.UserInfo.Length > 0) return "An address with a user name or password in it is refused.";
        var host = uri.IdnHost.Trim('[', ']').ToLowerInvariant();
        var authority = $"{host}:{uri.Port}";
        if (!_hosts.Contains(authority) && !_hosts.Contains(host))
            return $"'{uri.Host}' is not among the hosts this bot may open ({string.Join(", ", _hosts)}).";
        if (authority == _sandbox)
            return uri.AbsolutePath == "/sandbox" || uri.AbsolutePath.StartsWith("/sandbox/", StringComparison.Ordinal) ? null
                : $"On this app a bot may open only its simulators (/sandbox), not '{uri.AbsolutePath}'.";
        if (_private.Contains(host)) return null;
        return await IsInternalAsync(host, cancellationToken)
            ? $"'{uri.Host}' resolves to a loopback, private or link-local address; an admin must allow it (Robots:PrivateHosts)."
            : null;
    }

    private async Task<bool> IsInternalAsync(string host, CancellationToken cancellationToken)
    {
        if (_internal.TryGetValue(host, out var known)) return known;
        bool inward;
        try
        {
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            inward = addresses.Length == 0 || addresses.Any(InternalAddresses.IsInternal);
        }
        catch (SocketException)
        {
            inward = true;
        }
        return _internal[host] = inward;
    }

    private static string Short(string url) => url.Length > 80 ? url[..80] + "…" : url;
}
