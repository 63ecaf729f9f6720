namespace HyperCrm.Framework.Settings;

public sealed class SettingDefinitionManager
{
    private readonly Dictionary<string, SettingDefinition> _byName;

    public SettingDefinitionManager(IEnumerable<ISettingDefinitionProvider> providers)
    {
        var context = new SettingDefinitionContext();
        foreach (var provider in providers) provider.Define(context);
        _byName = context.Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<SettingDefinition> All => _byName.Values;

    public SettingDefinition Get(string name) =>
        _byName.TryGetValue(name, out var definition) ? definition : throw new KeyNotFoundException($"Setting '{name}' is not defined.");
}
