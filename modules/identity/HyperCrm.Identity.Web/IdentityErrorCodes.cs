using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Identity.Web;

/// <summary>The HTTP status of each of the identity module's error codes that is not a plain 422 refusal.</summary>
public static class IdentityErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Identity:DuplicateEmail", "Identity:DuplicatePartner")
            .Map(StatusCodes.Status403Forbidden, "Identity:PrivilegeEscalation", "Identity:CannotChangeOwnRoles");
    }
}
