using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HyperCrm.Framework.Web;

/// <summary>What a page or endpoint tells a person about a refused request: the text in their language, the status.</summary>
public static class BusinessErrorHttpContextExtensions
{
    /// <summary>The error's text in the request's language (<see cref="BusinessErrorLocalizer"/>).</summary>
    public static string ErrorText(this HttpContext http, BusinessException error)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<BusinessErrorLocalizer>().Localize(error);
    }

    /// <summary>The HTTP status the error's code maps to (<see cref="ErrorCodeOptions"/>).</summary>
    public static int ErrorStatus(this HttpContext http, BusinessException error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        return http.RequestServices.GetRequiredService<IOptions<ErrorCodeOptions>>().Value.StatusOf(error.Code);
    }
}
