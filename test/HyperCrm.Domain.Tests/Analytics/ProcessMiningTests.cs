using HyperCrm.Analytics.Domain;
using HyperCrm.Analytics.Mining;
using HyperCrm.Customers.Timeline;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Analytics;

public sealed class ProcessMiningTests
{
    [Theory]
    [InlineData(ActorKind.Human, "status.reserved", ResourceKinds.Human)]
    [InlineData(ActorKind.Rule, "status.reserved", ResourceKinds.Rule)]
    [InlineData(ActorKind.Rule, "erp.create_customer_order", ResourceKinds.Connector)]
    [InlineData(ActorKind.Rule, "payments.capture", ResourceKinds.Connector)]
    [InlineData(ActorKind.System, "payment.declined", ResourceKinds.Connector)]
    [InlineData(ActorKind.System, "status.delivered", ResourceKinds.System)]
    [InlineData(ActorKind.Partner, "order.created", ResourceKinds.Partner)]
    [InlineData(ActorKind.Ai, "risk.scored", ResourceKinds.Ai)]
    [InlineData(ActorKind.Job, "stock.arrived", ResourceKinds.Job)]
    public void A_Steps_Actor_Should_Count_As_Its_Kind_And_A_Rules_Connector_Call_As_The_Connector(ActorKind actor, string activity,
        string kind) => ResourceKinds.Of(actor, activity).ShouldBe(kind);

    [Fact]
    public void A_Long_Name_Should_Be_Cut_To_The_Case_Label_With_An_Ellipsis()
    {
        var name = "An AI agent answers angry complaints about late deliveries (example)";

        var entry = new EventLogEntry(Guid.NewGuid(), DateTimeOffset.UtcNow, "rule", Guid.NewGuid(), name, "published.v1", "admin",
            "human", null, null, null, null, null, "automation.rule.published");

        entry.CaseLabel!.Length.ShouldBe(EventLogEntry.MaxCaseLabelLength);
        entry.CaseLabel.ShouldEndWith("…");
        name.ShouldStartWith(entry.CaseLabel[..^1]);
    }

    [Fact]
    public void A_Partners_Own_Acts_Should_Be_Neither_Human_Nor_Automated_Work() =>
        (ResourceKinds.IsAutomated(ResourceKinds.Partner), ResourceKinds.IsAutomated(ResourceKinds.Human),
            ResourceKinds.IsAutomated(ResourceKinds.Connector)).ShouldBe((false, false, true));

    [Fact]
    public void The_Expected_Path_Should_Flag_Skipped_Repeated_Out_Of_Order_And_Off_Path_Steps()
    {
        ExpectedPath.Check(["order.created", "status.reserved", "erp.reserve_stock", "status.picking", "status.shipped"]).ShouldBeEmpty();
        // Still under way: what it has not reached yet is not skipped; the wait for stock is the playbook's own detour.
        ExpectedPath.Check(["order.created", "status.awaiting_stock", "stock.arrived", "status.reserved"]).ShouldBeEmpty();
        ExpectedPath.Check(["order.created", "status.picking"]).ShouldBe([new Deviation("skipped", "status.reserved", 1)]);
        ExpectedPath.Check(["order.created", "status.reserved", "status.reserved"])
            .ShouldBe([new Deviation("repeated", "status.reserved", 1)]);
        ExpectedPath.Check(["order.created", "status.picking", "status.reserved"])
            .ShouldBe([new Deviation("out_of_order", "status.reserved", 1)]);
        ExpectedPath.Check(["order.created", "status.on_hold", "status.cancelled"])
            .ShouldBe([new Deviation("extra", "status.on_hold", 1), new Deviation("extra", "status.cancelled", 1)]);
    }

    [Fact]
    public void The_Slider_Should_Keep_The_Busiest_Edges_And_Their_Start_And_End()
    {
        var map = new ProcessMap(
        [
            new("", "a", 10, 0, 0), new("a", "b", 8, 60, 60), new("a", "c", 2, 600, 600), new("b", "", 8, 0, 0),
            new("c", "", 2, 0, 0),
        ], new Dictionary<string, long> { ["a"] = 10, ["b"] = 8, ["c"] = 2 }, 10);

        var kept = map.Keep(0.5);

        kept.Edges.Select(e => (e.From, e.To)).ShouldBe([("a", "b"), ("", "a"), ("b", "")], ignoreOrder: true);
        kept.Activities.Keys.ShouldBe(["a", "b"], ignoreOrder: true);
        map.Keep(1).ShouldBeSameAs(map);
    }

    [Fact]
    public void The_Layout_Should_Put_Each_Activity_Below_Its_Longest_Way_From_The_Start_And_Draw_Loops_Back()
    {
        var map = new ProcessMap(
        [
            new("", "placed", 3, 0, 0), new("placed", "reserved", 3, 1, 1), new("reserved", "picking", 3, 1, 1),
            new("picking", "reserved", 1, 1, 1), new("placed", "picking", 1, 1, 1), new("picking", "shipped", 3, 1, 1),
            new("shipped", "", 3, 0, 0),
        ], new Dictionary<string, long>(), 3);

        var layout = new ProcessMapLayout(map);

        layout.Positions["placed"].Layer.ShouldBe(1);
        layout.Positions["reserved"].Layer.ShouldBe(2);
        layout.Positions["picking"].Layer.ShouldBe(3);
        layout.Positions["shipped"].Layer.ShouldBe(4);
        layout.Positions[ProcessMapLayout.End].Layer.ShouldBe(5);
        layout.BackEdges.ShouldBe([("picking", "reserved")]);
        var svg = ProcessMapSvg.Render(map, new ProcessMapSvg.Links(a => "/a?" + a, e => "/e", a => a == "placed" ? "<Placed & co>" : a,
            s => $"{s} s", "Start", "End"));
        svg.ShouldContain("&lt;Placed &amp; co&gt;");
        svg.ShouldNotContain("<Placed");
        svg.Split("data-testid=\"map-edge\"").Length.ShouldBe(8);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.1234, 0.1)]
    [InlineData(5.25, 5.3)]
    [InlineData(42.5, 43)]
    [InlineData(600, 600)]
    [InlineData(999, 1000)]
    [InlineData(1680, 1700)]
    [InlineData(12345.6, 12000)]
    [InlineData(86_399, 86_000)]
    public void A_Hand_Off_Time_Should_Be_Counted_Within_Five_Percent(double seconds, double bucket) =>
        EdgeDurations.Bucket(seconds).ShouldBe(bucket, 1e-9);

    [Fact]
    public void Percentiles_From_Counts_Should_Equal_Percentile_Cont_Over_The_Values()
    {
        // percentile_cont over 600, 600, 1800: the median 600, the 95th 600 + 0.9 × 1200.
        var counts = new List<(double, long)> { (600, 2), (1800, 1) };
        EdgeDurations.Percentile(counts, 0.5).ShouldBe(600);
        EdgeDurations.Percentile(counts, 0.95).ShouldBe(1680, 1e-9);
        EdgeDurations.Percentile([(60, 1), (120, 0), (300, 3)], 0.5).ShouldBe(300);
        EdgeDurations.Percentile([], 0.5).ShouldBe(0);
    }

    [Fact]
    public void Seeded_Publications_Should_Not_Count_As_A_Persons_Time_To_Market() =>
        (ResourceKinds.OfPublisher("system"), ResourceKinds.OfPublisher("HyperCrm"), ResourceKinds.OfPublisher("olga@shop.test"))
            .ShouldBe((ResourceKinds.System, ResourceKinds.System, ResourceKinds.Human));
}
