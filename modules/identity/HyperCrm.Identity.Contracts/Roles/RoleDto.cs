namespace HyperCrm.Identity.Roles;

public sealed record RoleDto(Guid Id, string Name, bool IsStatic, int UserCount, int PermissionCount, bool HasAllPermissions);
