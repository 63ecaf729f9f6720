namespace HyperCrm.Identity.Roles;

public sealed record RoleDto(Guid Id, string Name, bool IsStatic, int UserCount, int PermissionCount, bool HasAllPermissions);

public sealed record PermissionGrantDto(string Name, string DisplayName, bool IsGranted);

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionGrantDto> Permissions);

public interface IRoleAppService
{
    Task<IReadOnlyList<RoleDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PermissionGroupDto>> GetPermissionsAsync(string roleName, CancellationToken cancellationToken = default);

    Task SetPermissionsAsync(string roleName, IReadOnlyCollection<string> grantedPermissions, CancellationToken cancellationToken = default);
}
