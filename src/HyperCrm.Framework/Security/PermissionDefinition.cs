namespace HyperCrm.Framework.Security;

/// <summary>A permission a module defines; its display name is a key in the module's localization resource.</summary>
public sealed record PermissionDefinition(string Name, string DisplayNameKey, Type LocalizationResource)
{
    /// <summary>Roles that get this permission the first time it exists (admins may revoke it later; it is not given back).</summary>
    public IReadOnlyList<string> DefaultRoles { get; init; } = [];
}
