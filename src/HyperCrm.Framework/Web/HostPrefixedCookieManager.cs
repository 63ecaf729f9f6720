using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Framework.Web;

/// <summary>
/// Over HTTPS (directly or behind a trusted TLS proxy) a cookie is named <c>__Host-…</c>, marked Secure, scoped to the
/// whole site and to this host only, so neither a plain-HTTP page nor a sibling subdomain can set or read it. Over
/// plain HTTP (a developer's loopback) it keeps its plain name, since browsers refuse <c>__Host-</c> cookies there.
/// </summary>
public sealed class HostPrefixedCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Secure(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Secure(context, options));

    private static string Name(HttpContext context, string key) => context.Request.IsHttps && !key.StartsWith(Prefix,
        StringComparison.Ordinal) ? Prefix + key : key;

    private static CookieOptions Secure(HttpContext context, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!context.Request.IsHttps) return options;
        return new CookieOptions(options) { Secure = true, Path = "/", Domain = null };
    }
}
