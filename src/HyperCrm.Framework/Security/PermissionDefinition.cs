namespace HyperCrm.Framework.Security;

/// <summary>A permission a module defines; its display name is a key in the module's localization resource.</summary>
public sealed record PermissionDefinition(string Name, string DisplayNameKey, Type LocalizationResource)
{
    /// <summary>Roles that get this permission the first time it exists (admins may revoke it later; it is not given back).</summary>
    public IReadOnlyList<string> DefaultRoles { get; init; } = [];
}

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

public sealed class PermissionDefinitionContext
{
    internal List<PermissionGroupDefinition> Groups { get; } = [];

    public PermissionGroupDefinition AddGroup(string name, string displayNameKey, Type localizationResource)
    {
        var group = new PermissionGroupDefinition(name, displayNameKey, localizationResource);
        Groups.Add(group);
        return group;
    }
}

/// <summary>Each module that guards something defines its permissions in one of these.</summary>
public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}
