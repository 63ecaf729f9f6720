using HyperCrm.Framework.Settings;

namespace HyperCrm.Web.Hosting;

/// <summary>The platform-wide settings: company name, default currency, time zone.</summary>
public sealed class PlatformSettingDefinitionProvider : ISettingDefinitionProvider
{
    public void Define(SettingDefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Add(new SettingDefinition(PlatformSettingNames.CompanyName, "HyperCrm", "Setting:CompanyName", typeof(HyperCrmResource)))
            .Add(new SettingDefinition(PlatformSettingNames.DefaultCurrency, "RUB", "Setting:DefaultCurrency", typeof(HyperCrmResource)))
            .Add(new SettingDefinition(PlatformSettingNames.TimeZone, "Europe/Moscow", "Setting:TimeZone", typeof(HyperCrmResource)));
    }
}
