namespace HyperCrm.Framework.Security;

public sealed class PermissionGroupDefinition(string name, string displayNameKey, Type localizationResource)
{
    private readonly List<PermissionDefinition> _permissions = [];

    public string Name { get; } = name;
    public string DisplayNameKey { get; } = displayNameKey;
    public Type LocalizationResource { get; } = localizationResource;
    public IReadOnlyList<PermissionDefinition> Permissions => _permissions;

    public PermissionGroupDefinition AddPermission(string permissionName, string displayNameKey, params string[] defaultRoles)
    {
        _permissions.Add(new PermissionDefinition(permissionName, displayNameKey, LocalizationResource) { DefaultRoles = defaultRoles });
        return this;
    }
}
