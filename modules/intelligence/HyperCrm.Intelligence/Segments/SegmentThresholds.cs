namespace HyperCrm.Intelligence.Segments;

/// <summary>
/// Where the segments begin (Settings → AI): VIP from <see cref="VipSpent"/> spent or <see cref="VipOrders"/> orders within
/// the last <see cref="WindowDays"/> days; repeat from <see cref="RepeatOrders"/> orders in all; new below that.
/// </summary>
public sealed record SegmentThresholds(decimal VipSpent, int VipOrders, int RepeatOrders, int WindowDays)
{
    public static readonly SegmentThresholds Default = new(100_000m, 10, 2, 365);
}
