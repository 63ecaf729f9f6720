namespace HyperCrm.Identity.Domain.Permissions;

/// <summary>A permission held by a role.</summary>
public sealed class PermissionGrant
{
    public string RoleName { get; private set; } = string.Empty;
    public string PermissionName { get; private set; } = string.Empty;

    private PermissionGrant() { }

    public PermissionGrant(string roleName, string permissionName)
    {
        RoleName = roleName;
        PermissionName = permissionName;
    }
}
