using System.Diagnostics;
using HyperCrm.Framework.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string TraceId { get; private set; } = string.Empty;

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        Status = status ?? 500;
        // The database away for a moment is not an unexpected error: the reader is told to try again shortly.
        if (status is null && DatabaseFaults.IsTransient(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Status = StatusCodes.Status503ServiceUnavailable;
            Response.StatusCode = Status;
            Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (status is >= 400 and < 600) Response.StatusCode = status.Value;
        TraceId = Activity.Current?.TraceId.ToHexString() ?? HttpContext.TraceIdentifier;
    }
}
