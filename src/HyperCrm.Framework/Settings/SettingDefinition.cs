namespace HyperCrm.Framework.Settings;

public enum SettingValueType
{
    Text,
    Number,
    Boolean,
}

/// <summary>A typed setting a module defines; admins edit it in Settings, secrets are stored encrypted.</summary>
public sealed record SettingDefinition(
    string Name,
    string DefaultValue,
    string DisplayNameKey,
    Type LocalizationResource,
    SettingValueType Type = SettingValueType.Text,
    bool IsEncrypted = false);

public sealed class SettingDefinitionContext
{
    internal List<SettingDefinition> Definitions { get; } = [];

    public SettingDefinitionContext Add(SettingDefinition definition)
    {
        Definitions.Add(definition);
        return this;
    }
}

public interface ISettingDefinitionProvider
{
    void Define(SettingDefinitionContext context);
}

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
