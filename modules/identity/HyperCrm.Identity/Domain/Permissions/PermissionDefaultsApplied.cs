namespace HyperCrm.Identity.Domain.Permissions;

/// <summary>Marks a permission whose default role grants were applied once, so an admin's later revocation sticks.</summary>
public sealed class PermissionDefaultsApplied
{
    public string PermissionName { get; private set; } = string.Empty;
    public DateTimeOffset AppliedAt { get; private set; }

    private PermissionDefaultsApplied() { }

    public PermissionDefaultsApplied(string permissionName, DateTimeOffset appliedAt)
    {
        PermissionName = permissionName;
        AppliedAt = appliedAt;
    }
}
