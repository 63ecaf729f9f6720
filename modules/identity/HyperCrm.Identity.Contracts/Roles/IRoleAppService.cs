namespace HyperCrm.Identity.Roles;

public interface IRoleAppService
{
    Task<IReadOnlyList<RoleDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PermissionGroupDto>> GetPermissionsAsync(string roleName, CancellationToken cancellationToken = default);

    Task SetPermissionsAsync(string roleName, IReadOnlyCollection<string> grantedPermissions,
        CancellationToken cancellationToken = default);
}
