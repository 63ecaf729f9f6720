using HyperCrm.Framework.Application;
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

    /// <summary>
    /// A staff form with unsafe text in any field (<see cref="TextSafety"/>: NUL, control characters) is refused as a whole
    /// with the friendly 400 page before any page handler sees it, so nothing of it is written.
    /// </summary>
    public static IApplicationBuilder UseFormTextSafety(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Not again when the error page is shown for the refusal (the status code pages run the pipeline a second time).
        if (HttpMethods.IsPost(context.Request.Method) && !HyperApi.IsMachineRequest(context) && context.Request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            bool refused;
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                refused = form.Any(f => !TextSafety.IsSafe(f.Key) || f.Value.Any(v => v is not null && !TextSafety.IsSafe(v)))
                    || form.Files.Any(f => !TextSafety.IsSafe(f.FileName));
            }
            catch (InvalidDataException)
            {
                // ASP.NET Core's own form reader refuses a NUL (and an over-limit form) outright.
                refused = true;
            }
            if (refused)
            {
                // The error page that follows reads an empty form, not the refused one.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        await next(context);
    });

    /// <summary>
    /// Query strings are checked before any endpoint reads them: unsafe text in any parameter (<see cref="TextSafety"/>), and on
    /// the API a <c>limit</c> that is not one whole number from 1 to <see cref="KeysetPaging.MaxLimit"/> (negative, zero, too
    /// large, given twice), are a 400 naming the parameter (the friendly page for staff) rather than a failed query or a
    /// silently different page.
    /// </summary>
    public static IApplicationBuilder UseQueryChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            await next(context);
            return;
        }
        string? field = null, text = null;
        foreach (var (name, values) in query)
        {
            if (TextSafety.IsSafe(name) && values.All(v => v is null || TextSafety.IsSafe(v))) continue;
            (field, text) = (TextSafety.IsSafe(name) ? name : "?", TextSafety.Refusal);
            break;
        }
        if (field is null && HyperApi.IsApiRequest(context) && query.TryGetValue("limit", out var limits)
            && (limits.Count != 1 || !int.TryParse(limits[0], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > KeysetPaging.MaxLimit))
            (field, text) = ("limit", $"limit must be one whole number from 1 to {KeysetPaging.MaxLimit}.");
        if (field is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!HyperApi.IsMachineRequest(context)) return;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [text!] })
        {
            Status = StatusCodes.Status400BadRequest, Detail = $"{field}: {text}",
        };
        problem.Extensions["code"] = "Common:ValidationFailed";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    });

    /// <summary>
    /// Once the host begins to stop (SIGTERM), a request that still arrives on an open connection is told to come back:
    /// 503 with Retry-After, and the connection closed, while the requests already under way finish (Kestrel waits for
    /// them). Health endpoints say "stopping" the same way, so a balancer takes the instance out.
    /// </summary>
    public static IApplicationBuilder UseGracefulStop(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.RequestServices.GetRequiredService<StoppingState>().IsStopping)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.Connection = "close";
        if (HyperApi.IsMachineRequest(context) || context.Request.Path.StartsWithSegments("/health"))
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable,
                "HyperCrm is restarting; nothing of this request was done. Retry it in a few seconds.", "Common:Stopping");
        else
            await context.Response.WriteAsync("HyperCrm is restarting. Reload this page in a few seconds.");
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
