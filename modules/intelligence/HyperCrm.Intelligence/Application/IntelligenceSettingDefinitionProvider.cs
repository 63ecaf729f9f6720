using System.Globalization;
using HyperCrm.Framework.Settings;
using HyperCrm.Intelligence.Segments;

namespace HyperCrm.Intelligence.Application;

/// <summary>The segment thresholds, edited in Settings → AI (not on the general settings page).</summary>
public sealed class IntelligenceSettingDefinitionProvider : ISettingDefinitionProvider
{
    public void Define(SettingDefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = SegmentThresholds.Default;
        context.Add(Number(IntelligenceSettingNames.VipSpent, defaults.VipSpent))
            .Add(Number(IntelligenceSettingNames.VipOrders, defaults.VipOrders))
            .Add(Number(IntelligenceSettingNames.RepeatOrders, defaults.RepeatOrders))
            .Add(Number(IntelligenceSettingNames.SegmentWindowDays, defaults.WindowDays));
    }

    private static SettingDefinition Number(string name, decimal value) => new(name, value.ToString(CultureInfo.InvariantCulture),
        "Setting:" + name, typeof(IntelligenceResource), SettingValueType.Number, OwnPage: true);
}
