using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HyperCrm.Framework.Web;

/// <summary>What a page or endpoint tells a person about a refused request: the text in their language, the status.</summary>
public static class BusinessErrorHttpContextExtensions
{
    /// <summary>
    /// What to tell a person about a refusal: a business error in the request's language (<see cref="BusinessErrorLocalizer"/>),
    /// any other exception a page chose to show by its own message.
    /// </summary>
    public static string ErrorText(this HttpContext http, Exception error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        return error is BusinessException business
            ? http.RequestServices.GetRequiredService<BusinessErrorLocalizer>().Localize(business)
            : error.Message;
    }

    /// <summary>The HTTP status the error's code maps to (<see cref="ErrorCodeOptions"/>).</summary>
    public static int ErrorStatus(this HttpContext http, BusinessException error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        return http.RequestServices.GetRequiredService<IOptions<ErrorCodeOptions>>().Value.StatusOf(error.Code);
    }
}
