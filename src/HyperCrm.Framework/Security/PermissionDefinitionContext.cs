namespace HyperCrm.Framework.Security;

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
