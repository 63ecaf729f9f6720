using System.Globalization;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// Turns exceptions on /api and /hooks into RFC 9457 problems: a business error into the 4xx its code maps to
/// (<see cref="ErrorCodeOptions"/>), with its stable code and the text in the reader's language; a
/// concurrency clash into 409, a bad request into 400/413, a database away for a moment into 503 with Retry-After, anything
/// else into a 500 with no internals.
/// Page requests fall through to the friendly /Error page.
/// </summary>
public sealed class ApiExceptionHandler(
    IProblemDetailsService problems, IOptions<ErrorCodeOptions> codes, BusinessErrorLocalizer messages, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // UseExceptionHandler("/Error") has already pointed the request at the error page; decide by the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith(HyperApi.Prefix, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWith(HyperApi.HooksPrefix, StringComparison.OrdinalIgnoreCase)) return false;
        // The exception handler runs outside the request localization middleware: take the reader's culture it chose.
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } requested)
        {
            CultureInfo.CurrentCulture = requested.Culture;
            CultureInfo.CurrentUICulture = requested.UICulture;
        }
        var problem = exception switch
        {
            BusinessException business => Problem(codes.Value.StatusOf(business.Code), messages.Localize(business), business.Code,
                business.Details),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict,
                "The record was changed by someone else; reload it and try again.", "Common:ConcurrencyConflict"),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad => JsonProblem(bad.StatusCode, json),
            BadHttpRequestException bad => Problem(bad.StatusCode, bad.Message, "Common:BadRequest"),
            // A domain guard refusing a value the validation did not catch: still the caller's input, named, not a 500.
            ArgumentException { ParamName: { Length: > 0 } field } and not ArgumentNullException =>
                FieldProblem(field, "The value of this field is not accepted."),
            // The database was away for a moment: nothing of the request was kept (its transaction did not commit); retry it.
            _ when DatabaseFaults.IsTransient(exception) => Problem(StatusCodes.Status503ServiceUnavailable,
                "The database is briefly unavailable; nothing was saved. Retry the request shortly.", "Common:DatabaseUnavailable"),
            _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred. Quote the trace id when you report it.",
                "Common:InternalError"),
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path,
                exception.Message);
        // A guard the validation should have caught first: kept in the log so the missing validation is found and added.
        else if (exception is ArgumentException and not ArgumentNullException)
            logger.LogWarning(exception, "A domain guard refused input on {Method} {Path}", httpContext.Request.Method,
                httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem,
            Exception = exception });
    }

    private static ProblemDetails FieldProblem(string field, string text)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, $"{field}: {text}", "Common:ValidationFailed");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [text] };
        return problem;
    }

    /// <summary>A body the endpoint cannot read: the field at fault is named in <c>errors</c>, as validation problems do.</summary>
    private static ProblemDetails JsonProblem(int status, System.Text.Json.JsonException json)
    {
        var unsafeText = json.Message.StartsWith(TextSafety.Refusal, StringComparison.Ordinal);
        var field = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "$";
        var problem = Problem(status, unsafeText ? $"{field}: {TextSafety.Refusal}" : $"The body is not valid JSON for this endpoint: " +
            $"{json.Message}", unsafeText ? "Common:UnsafeText" : "Common:MalformedJson");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [unsafeText ? TextSafety.Refusal : json.Message] };
        return problem;
    }

    private static ProblemDetails Problem(int status, string detail, string code, IReadOnlyDictionary<string, object?>? data = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in data ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }
}
