namespace HyperCrm.Framework.Settings;

public sealed class SettingDefinitionContext
{
    internal List<SettingDefinition> Definitions { get; } = [];

    public SettingDefinitionContext Add(SettingDefinition definition)
    {
        Definitions.Add(definition);
        return this;
    }
}
