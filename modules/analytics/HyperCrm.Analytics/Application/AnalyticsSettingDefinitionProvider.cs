using System.Globalization;
using HyperCrm.Analytics.Mining;
using HyperCrm.Framework.Settings;

namespace HyperCrm.Analytics.Application;

/// <summary>The prices the KPIs put on work, edited on the Settings page.</summary>
public sealed class AnalyticsSettingDefinitionProvider : ISettingDefinitionProvider
{
    public void Define(SettingDefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var d = AnalyticsCosts.Default;
        context.Add(Number(AnalyticsSettingNames.CostPerHumanMinute, d.CostPerHumanMinute))
            .Add(Number(AnalyticsSettingNames.CostPerBotMinute, d.CostPerBotMinute))
            .Add(Number(AnalyticsSettingNames.CostPerConnectorCall, d.CostPerConnectorCall))
            .Add(Number(AnalyticsSettingNames.MinutesPerManualStep, d.MinutesPerManualStep))
            .Add(Number(AnalyticsSettingNames.FteHoursPerMonth, d.FteHoursPerMonth));
    }

    private static SettingDefinition Number(string name, decimal value) => new(name, value.ToString(CultureInfo.InvariantCulture),
        "Setting:" + name, typeof(AnalyticsResource), SettingValueType.Number);
}
