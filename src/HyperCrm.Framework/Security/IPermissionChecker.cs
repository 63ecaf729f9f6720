using System.Security.Claims;

namespace HyperCrm.Framework.Security;

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permissionName, CancellationToken cancellationToken = default);
}
