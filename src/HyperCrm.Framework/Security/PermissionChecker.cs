using System.Security.Claims;

namespace HyperCrm.Framework.Security;

public sealed class PermissionChecker(IPermissionStore store, PermissionDefinitionManager definitions) : IPermissionChecker
{
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permissionName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !definitions.IsDefined(permissionName)) return false;
        if (user.FindFirst(HyperClaimTypes.PartnerId) is not null) return false;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(HyperRoles.Admin, StringComparer.Ordinal)) return true;
        if (roles.Count == 0) return false;
        var granted = await store.GetGrantedPermissionsAsync(roles, cancellationToken);
        return granted.Contains(permissionName);
    }
}
