using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Web.Hosting;

public static class HostMiddleware
{
    private const string PageCsp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
                                   "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri " +
                                       "'self'; object-src 'none'";

    /// <summary>The API reference page (Scalar) runs inline bootstrapping script; everything else gets the strict policy.</summary>
    private const string DocsCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
                                   "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? DocsCsp : PageCsp;
        return next(context);
    });

    /// <summary>
    /// Refuses bodies over the limit up front with a 413 problem (Kestrel enforces the same limit on streamed bodies).
    /// An endpoint may allow more with [RequestSizeLimit] (the CSV import does); runs after routing to see it.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long defaultMaxBytes) => app.Use(async (context,
        next) =>
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = maxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than {maxBytes / 1024} KiB.", "Common:BodyTooLarge");
            return;
        }
        await next(context);
    });

    /// <summary>Until the database is reachable and migrated, answer 503 with the reason (health and static files excepted).</summary>
    public static IApplicationBuilder UseReadinessGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var readiness = context.RequestServices.GetRequiredService<DatabaseReadiness>();
        var path = context.Request.Path;
        if (readiness.IsReady || path.StartsWithSegments("/health") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/js"))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        if (HyperApi.IsMachineRequest(context))
        {
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, readiness.Reason, "Common:NotReady");
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>HyperCrm is not ready</title></head><body " +
                "style=\"font-family:sans-serif;margin:3rem\">" +
            "<h1>HyperCrm is not ready yet</h1><p>" + System.Net.WebUtility.HtmlEncode(readiness.Reason) + "</p><p>This page retries " +
                "when you reload it.</p></body></html>");
    });

    public static async Task WriteProblemAsync(HttpContext context, int status, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
