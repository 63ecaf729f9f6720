using HyperCrm.Customers.Customers;
using HyperCrm.Intelligence.Segments;
using HyperCrm.Sales.Orders;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Intelligence;

/// <summary>Segments by recency, frequency and money: the thresholds decide, and the reason names the figure that did.</summary>
public sealed class CustomerSegmenterTests
{
    private static readonly SegmentThresholds Thresholds = new(VipSpent: 100_000m, VipOrders: 10, RepeatOrders: 2, WindowDays: 365);

    private static CustomerOrderStatsDto Stats(int orders, int recent, decimal spent) =>
        new(Guid.NewGuid(), orders, recent, spent, DateTimeOffset.UtcNow);

    [Fact]
    public void No_Or_One_Order_Should_Be_New()
    {
        CustomerSegmenter.Decide(null, Thresholds).Segment.ShouldBe(CustomerSegment.New);
        CustomerSegmenter.Decide(Stats(1, 1, 50_000m), Thresholds).Segment.ShouldBe(CustomerSegment.New);
    }

    [Fact]
    public void Two_Orders_Should_Be_Repeat_And_Enough_Spending_Or_Orders_In_The_Window_Vip()
    {
        CustomerSegmenter.Decide(Stats(2, 2, 3_000m), Thresholds).Segment.ShouldBe(CustomerSegment.Repeat);
        var (bySpending, why) = CustomerSegmenter.Decide(Stats(3, 3, 120_000m), Thresholds);
        bySpending.ShouldBe(CustomerSegment.Vip);
        (why.Key, why.Args!["spent"], why.Args["threshold"]).ShouldBe(("Intelligence:Segment:VipBySpending", "120000", "100000"));
        var (byOrders, because) = CustomerSegmenter.Decide(Stats(12, 10, 9_000m), Thresholds);
        byOrders.ShouldBe(CustomerSegment.Vip);
        because.Key.ShouldBe("Intelligence:Segment:VipByOrders");
    }

    [Fact]
    public void A_Vip_Who_Stopped_Buying_Should_Drop_Back_To_Repeat()
    {
        // Thirty orders and a fortune, but none within the window.
        CustomerSegmenter.Decide(Stats(30, 0, 0m), Thresholds).Segment.ShouldBe(CustomerSegment.Repeat);
    }
}
