using System.Globalization;
using HyperCrm.Framework.Settings;
using HyperCrm.Intelligence.Segments;

namespace HyperCrm.Intelligence.Application;

/// <summary>The segment thresholds and the drafting model's endpoint, edited in Settings → AI (not on the general settings
/// page); the endpoint's key is stored encrypted.</summary>
public sealed class IntelligenceSettingDefinitionProvider : ISettingDefinitionProvider
{
    public void Define(SettingDefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = SegmentThresholds.Default;
        context.Add(Number(IntelligenceSettingNames.VipSpent, defaults.VipSpent))
            .Add(Number(IntelligenceSettingNames.VipOrders, defaults.VipOrders))
            .Add(Number(IntelligenceSettingNames.RepeatOrders, defaults.RepeatOrders))
            .Add(Number(IntelligenceSettingNames.SegmentWindowDays, defaults.WindowDays))
            .Add(Text(IntelligenceSettingNames.LlmEndpoint, string.Empty))
            .Add(Text(IntelligenceSettingNames.LlmModel, "gpt-4o-mini"))
            .Add(new SettingDefinition(IntelligenceSettingNames.LlmApiKey, string.Empty, "Setting:" + IntelligenceSettingNames.LlmApiKey,
                typeof(IntelligenceResource), SettingValueType.Text, IsEncrypted: true, OwnPage: true))
            .Add(Number(IntelligenceSettingNames.LlmTimeoutSeconds, 10));
    }

    private static SettingDefinition Text(string name, string value) => new(name, value, "Setting:" + name, typeof(IntelligenceResource),
        SettingValueType.Text, OwnPage: true);

    private static SettingDefinition Number(string name, decimal value) => new(name, value.ToString(CultureInfo.InvariantCulture),
        "Setting:" + name, typeof(IntelligenceResource), SettingValueType.Number, OwnPage: true);
}
