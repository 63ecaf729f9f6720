using System.Globalization;
using HyperCrm.Framework.Settings;

namespace HyperCrm.Analytics.Mining;

/// <summary>What the numbers price work at (Settings → Analytics).</summary>
public sealed record AnalyticsCosts(decimal CostPerHumanMinute, decimal CostPerBotMinute, decimal CostPerConnectorCall,
    decimal MinutesPerManualStep, decimal FteHoursPerMonth)
{
    public static readonly AnalyticsCosts Default = new(0.50m, 0.05m, 0.01m, 4m, 160m);

    public static async Task<AnalyticsCosts> ReadAsync(ISettingManager settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AnalyticsCosts(
            await settings.GetAsync<decimal>(AnalyticsSettingNames.CostPerHumanMinute, cancellationToken),
            await settings.GetAsync<decimal>(AnalyticsSettingNames.CostPerBotMinute, cancellationToken),
            await settings.GetAsync<decimal>(AnalyticsSettingNames.CostPerConnectorCall, cancellationToken),
            await settings.GetAsync<decimal>(AnalyticsSettingNames.MinutesPerManualStep, cancellationToken),
            Math.Max(1, await settings.GetAsync<decimal>(AnalyticsSettingNames.FteHoursPerMonth, cancellationToken)));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CostPerHumanMinute}/{CostPerBotMinute}/{CostPerConnectorCall}/{MinutesPerManualStep}/{FteHoursPerMonth}");
}
