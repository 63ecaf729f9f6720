using System.Globalization;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity.Audit;

namespace HyperCrm.Intelligence.Application;

/// <summary>The segment thresholds as Settings → AI edits them: checked, stored as settings, audited.</summary>
public sealed class SegmentAppService(SegmentService segments, ISettingManager settings, ISecurityAuditLogger audit) : ISegmentAppService
{
    public const int MaxWindowDays = 3650;

    public async Task<SegmentThresholdsDto> GetThresholdsAsync(CancellationToken cancellationToken = default)
    {
        var t = await segments.ThresholdsAsync(cancellationToken);
        return new SegmentThresholdsDto { VipSpent = t.VipSpent, VipOrders = t.VipOrders, RepeatOrders = t.RepeatOrders,
            WindowDays = t.WindowDays };
    }

    public async Task SaveThresholdsAsync(SegmentThresholdsDto thresholds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var errors = new Dictionary<string, string[]>();
        if (thresholds.VipSpent <= 0) errors[nameof(thresholds.VipSpent)] = ["VIP spending must be above zero."];
        if (thresholds.VipOrders < 1) errors[nameof(thresholds.VipOrders)] = ["VIP orders must be at least 1."];
        if (thresholds.RepeatOrders < 2) errors[nameof(thresholds.RepeatOrders)] = ["A repeat customer has at least 2 orders."];
        if (thresholds.WindowDays is < 1 or > MaxWindowDays)
            errors[nameof(thresholds.WindowDays)] = [$"The window is 1 to {MaxWindowDays} days."];
        if (errors.Count > 0)
            throw BusinessException.ForFields("Intelligence:InvalidThresholds", "Some thresholds are not valid.", errors);
        var before = await GetThresholdsAsync(cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.VipSpent, thresholds.VipSpent.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.VipOrders, thresholds.VipOrders.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.RepeatOrders, thresholds.RepeatOrders.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.SegmentWindowDays, thresholds.WindowDays.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        await audit.LogAsync("ai.segments.thresholds", true, "segments", $"{Describe(before)} → {Describe(thresholds)}", cancellationToken);
    }

    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken = default)
    {
        var moved = await segments.RecomputeAllAsync(cancellationToken);
        await audit.LogAsync("ai.segments.recomputed", true, "segments", $"{moved} customers moved", cancellationToken);
        return moved;
    }

    private static string Describe(SegmentThresholdsDto t) => string.Create(CultureInfo.InvariantCulture,
        $"VIP from {t.VipSpent} or {t.VipOrders} orders in {t.WindowDays} days, repeat from {t.RepeatOrders} orders");
}
