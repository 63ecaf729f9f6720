using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Intelligence.Segments;

/// <summary>
/// Puts a customer in a segment from their orders by recency, frequency and money (RFM): VIP when they spent enough or
/// ordered often enough recently (the window makes a VIP who stopped buying drop back), repeat when they ordered more than
/// once, new otherwise; with why in words, naming the figure that decided it and the threshold it met or missed.
/// </summary>
public static class CustomerSegmenter
{
    public static (CustomerSegment Segment, Message Reason) Decide(CustomerOrderStatsDto? stats, SegmentThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var orders = stats?.Orders ?? 0;
        var recent = stats?.OrdersSince ?? 0;
        var spent = stats?.SpentSince ?? 0m;
        if (spent >= thresholds.VipSpent)
            return (CustomerSegment.Vip, Message.Of("Intelligence:Segment:VipBySpending", ("spent", spent), ("days", thresholds.WindowDays),
                ("threshold", thresholds.VipSpent)));
        if (recent >= thresholds.VipOrders)
            return (CustomerSegment.Vip, Message.Of("Intelligence:Segment:VipByOrders", ("count", recent), ("days", thresholds.WindowDays),
                ("threshold", thresholds.VipOrders)));
        if (orders >= thresholds.RepeatOrders)
            return (CustomerSegment.Repeat, Message.Of("Intelligence:Segment:Repeat", ("count", orders), ("spent", spent),
                ("days", thresholds.WindowDays)));
        return (CustomerSegment.New, Message.Of("Intelligence:Segment:New", ("count", orders)));
    }
}
