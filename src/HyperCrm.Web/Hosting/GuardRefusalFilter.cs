using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// A domain guard refusing a value a page's validation did not catch (an <see cref="ArgumentException"/> naming its
/// parameter) is still the reader's input: the friendly 400 page, not the "unexpected error" one. Logged, so the missing
/// validation is found and added.
/// </summary>
public sealed class GuardRefusalFilter(ILogger<GuardRefusalFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is not ArgumentException { ParamName.Length: > 0 } || context.Exception is ArgumentNullException) return;
        logger.LogWarning(context.Exception, "A domain guard refused input on {Method} {Path}", context.HttpContext.Request.Method,
            context.HttpContext.Request.Path);
        context.Result = new BadRequestResult();
        context.ExceptionHandled = true;
    }
}
