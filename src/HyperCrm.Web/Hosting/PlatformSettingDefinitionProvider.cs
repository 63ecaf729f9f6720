using HyperCrm.Framework.Settings;

namespace HyperCrm.Web.Hosting;

public sealed class PlatformSettingDefinitionProvider : ISettingDefinitionProvider
{
    public const string CompanyName = "Platform.CompanyName";
    public const string DefaultCurrency = "Platform.DefaultCurrency";
    public const string TimeZone = "Platform.TimeZone";

    public void Define(SettingDefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(new SettingDefinition(CompanyName, "HyperCrm", "Setting:CompanyName", typeof(HyperCrmResource)))
            .Add(new SettingDefinition(DefaultCurrency, "RUB", "Setting:DefaultCurrency", typeof(HyperCrmResource)))
            .Add(new SettingDefinition(TimeZone, "Europe/Moscow", "Setting:TimeZone", typeof(HyperCrmResource)));
    }
}
