using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Integrations.Web;

/// <summary>The HTTP status of each of the integrations module's error codes that is not a plain 422 refusal.</summary>
public static class IntegrationsErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Integrations:SubscriptionDisabled", "Integrations:WebhookInFlight")
            .Map(StatusCodes.Status404NotFound, "Integrations:UnknownConnector")
            .Map(StatusCodes.Status400BadRequest, "Integrations:BadUrl");
    }
}
