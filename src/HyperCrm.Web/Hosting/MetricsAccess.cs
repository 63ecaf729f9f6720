using System.Security.Cryptography;
using System.Text;
using HyperCrm.Framework.Net;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// The Prometheus scrape endpoint: answered freely to a caller on this machine, to anyone else only with
/// <c>Authorization: Bearer &lt;Metrics:Token&gt;</c> (no token configured: loopback only). Behind a trusted proxy the caller is
/// the proxy's client, so a scrape through nginx needs the token.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(Path) || Allowed(context))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await HostMiddleware.WriteProblemAsync(context, StatusCodes.Status401Unauthorized,
            "Metrics are served to this machine, or to a scraper with the metrics token (Authorization: Bearer …).",
            "Common:MetricsToken");
    });

    private static bool Allowed(HttpContext context)
    {
        if (InternalAddresses.IsLoopback(context.Connection.RemoteIpAddress)) return true;
        var token = context.RequestServices.GetRequiredService<IConfiguration>()["Metrics:Token"];
        if (string.IsNullOrEmpty(token)) return false;
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()),
            Encoding.UTF8.GetBytes(token));
    }
}
