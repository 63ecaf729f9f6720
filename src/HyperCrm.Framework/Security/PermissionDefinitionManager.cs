namespace HyperCrm.Framework.Security;

/// <summary>All permissions of all loaded modules, grouped; duplicate names fail at start-up.</summary>
public sealed class PermissionDefinitionManager
{
    private readonly Dictionary<string, PermissionDefinition> _byName;

    public PermissionDefinitionManager(IEnumerable<IPermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        foreach (var provider in providers) provider.Define(context);
        Groups = context.Groups;
        _byName = new Dictionary<string, PermissionDefinition>(StringComparer.Ordinal);
        foreach (var permission in Groups.SelectMany(g => g.Permissions))
        {
            if (!_byName.TryAdd(permission.Name, permission))
                throw new InvalidOperationException($"Permission '{permission.Name}' is defined twice.");
        }
    }

    public IReadOnlyList<PermissionGroupDefinition> Groups { get; }

    public IReadOnlyCollection<PermissionDefinition> All => _byName.Values;

    public bool IsDefined(string name) => _byName.ContainsKey(name);
}
