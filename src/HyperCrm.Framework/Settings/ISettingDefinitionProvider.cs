namespace HyperCrm.Framework.Settings;

public interface ISettingDefinitionProvider
{
    void Define(SettingDefinitionContext context);
}
