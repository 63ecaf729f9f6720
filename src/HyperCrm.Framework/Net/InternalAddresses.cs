using System.Net;
using System.Net.Sockets;

namespace HyperCrm.Framework.Net;

/// <summary>The SSRF guards' test: addresses a request an admin, partner or bot can aim must not reach unless allowed.</summary>
public static class InternalAddresses
{
    /// <summary>A caller on this machine: 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address (a dual-stack listener's).</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>Loopback, private, link-local, CGNAT, multicast, unspecified, or an IPv6 form that wraps one of them.</summary>
    public static bool IsInternal(IPAddress address)
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
}
