using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Activities.Web;

/// <summary>The HTTP status of each of the activities module's error codes that is not a plain 422 refusal.</summary>
public static class ActivitiesErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Activities:AlreadyDecided", "Activities:TaskClosed")
            .Map(StatusCodes.Status403Forbidden, "Activities:SignInRequired");
    }
}
