using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Sales;

public sealed class OrderTests
{
    private static readonly Actor Shop = new(ActorKind.Partner, "demo-shop");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_New_Order_Should_Total_Its_Lines_And_Announce_Itself()
    {
        var order = NewOrder(new OrderLine("SKU-001", "Mug", 2, 1490.00m), new OrderLine("SKU-002", "Tea", 3, 0.333m));

        order.Status.ShouldBe(OrderStatus.New);
        order.Total.ShouldBe(2980.00m + 1.00m);
        order.GetDistributedEvents().OfType<OrderCreatedEto>().ShouldHaveSingleItem().Total.ShouldBe(order.Total);
        var timeline = order.GetDistributedEvents().OfType<TimelineEventEto>().ShouldHaveSingleItem();
        timeline.CustomerId.ShouldBe(order.CustomerId);
        timeline.Actor.ShouldBe(ActorKind.Partner);
        order.Steps.ShouldHaveSingleItem().What.ShouldBe("order.created");
    }

    [Fact]
    public void The_Happy_Path_Should_Be_Allowed_Step_By_Step_With_Reasons()
    {
        var order = NewOrder();

        order.Reserve(Shop, "stock reserved at the ERP", Now);
        order.StartPicking(Shop, null, Now);
        order.Ship("TRK-1", Shop, Now);
        order.Deliver(Shop, "courier webhook", Now);
        order.Complete(Shop, null, Now);

        order.Status.ShouldBe(OrderStatus.Completed);
        order.TrackingNumber.ShouldBe("TRK-1");
        order.Steps.Select(s => s.Status).ShouldBe([OrderStatus.New, OrderStatus.Reserved, OrderStatus.Picking, OrderStatus.Shipped,
            OrderStatus.Delivered, OrderStatus.Completed]);
        order.GetDistributedEvents().OfType<OrderStatusChangedEto>().Count().ShouldBe(5);
        // Completed is the end of the story, unless the goods come back.
        OrderStateMachine.NextOf(order.Status).ShouldBe([OrderStatus.Returned]);
        order.Return(Shop, "customer sent it back", Now);
        OrderStateMachine.IsFinal(order.Status).ShouldBeTrue();
    }

    [Fact]
    public void Stock_Arriving_Should_Be_Told_Once_Per_Wait_And_Again_After_Another_Order_Took_It()
    {
        var order = NewOrder();
        order.StockArrived("OOS-001", Shop, Now).ShouldBeFalse("not waiting for stock");
        order.AwaitStock(Shop, "the ERP lacks OOS-001", Now);

        order.StockArrived("OOS-001", Shop, Now.AddMinutes(1)).ShouldBeTrue();
        order.StockArrived("OOS-001", Shop, Now.AddMinutes(2)).ShouldBeFalse("told already in this wait");
        order.StockStillShort("OOS-001", Shop, Now.AddMinutes(3)).ShouldBeTrue();
        order.StockArrived("OOS-001", Shop, Now.AddMinutes(4)).ShouldBeTrue("a new wait began");

        order.GetDistributedEvents().OfType<OrderStockArrivedEto>().Count().ShouldBe(2);
        order.Steps.Select(s => s.What).ShouldBe(["order.created", "status.awaiting_stock", Order.StockArrivedStep, Order.StockShortStep,
            Order.StockArrivedStep]);
        order.Reserve(Shop, null, Now.AddMinutes(5));
        order.StockStillShort("OOS-001", Shop, Now.AddMinutes(6)).ShouldBeFalse("no longer waiting");
    }

    [Fact]
    public void Cancelling_Twice_Changes_Nothing_The_Second_Time_And_A_Shipped_Order_Cannot_Be_Cancelled()
    {
        var order = NewOrder();
        order.Cancel(Shop, "changed my mind", Now).ShouldBeTrue();
        var steps = order.Steps.Count;

        order.Cancel(Shop, "again", Now).ShouldBeFalse();

        order.Steps.Count.ShouldBe(steps);
        order.GetDistributedEvents().OfType<OrderStatusChangedEto>().Count().ShouldBe(1);
        var shipped = NewOrder();
        shipped.Reserve(Shop, null, Now);
        shipped.StartPicking(Shop, null, Now);
        shipped.Ship("TRK-9", Shop, Now);
        var refused = Should.Throw<BusinessRuleValidationException>(() => shipped.Cancel(Shop, null, Now));
        refused.Code.ShouldBe("Sales:AlreadyShipped");
        refused.Message.ShouldContain("Shipped");
    }

    [Fact]
    public void A_Persons_Cancel_After_Shipment_Becomes_A_Return_Recorded_Once()
    {
        var order = NewOrder();
        order.Reserve(Shop, null, Now);
        order.StartPicking(Shop, null, Now);
        order.Ship("TRK-4", Shop, Now);

        order.Apply(OrderMove.Cancel, Shop, "customer refused", null, Now);
        order.Return(Shop, "the courier returned it", Now);

        order.Status.ShouldBe(OrderStatus.Returned);
        order.Steps.Count(s => s.Status == OrderStatus.Returned).ShouldBe(1);
        order.Steps[^1].Reason!.Text.ShouldBe("customer refused");
    }

    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Shipped)]
    [InlineData(OrderStatus.New, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Reserved, OrderStatus.OnHold)]
    [InlineData(OrderStatus.New, OrderStatus.Completed)]
    public void Skipping_Steps_Should_Be_Refused_By_The_Lifecycle(OrderStatus via, OrderStatus target)
    {
        var order = NewOrder();
        if (via != OrderStatus.New) order.MoveTo(via, Shop, null, null, Now);

        var error = Should.Throw<BusinessRuleValidationException>(() => order.MoveTo(target, Shop, "a reason", "TRK-9", Now));

        error.Code.ShouldBe("Sales:TransitionNotAllowed");
        error.Arguments.ShouldBe([via, target]);
        order.Status.ShouldBe(via);
    }

    [Fact]
    public void Cancelling_Should_Work_Until_Shipped_Then_Be_Refused()
    {
        var early = NewOrder();
        early.Cancel(Shop, "customer changed their mind", Now);
        early.Status.ShouldBe(OrderStatus.Cancelled);
        early.Steps[^1].Reason!.Text.ShouldBe("customer changed their mind");

        var shipped = NewOrder();
        shipped.Reserve(Shop, null, Now);
        shipped.StartPicking(Shop, null, Now);
        shipped.Ship("TRK-2", Shop, Now);
        Should.Throw<BusinessRuleValidationException>(() => shipped.Cancel(Shop, null, Now)).Code.ShouldBe("Sales:AlreadyShipped");
    }

    [Fact]
    public void An_Order_Ships_Only_With_A_Tracking_Number_Whoever_Asks()
    {
        var order = NewOrder();
        order.Reserve(Shop, null, Now);
        order.StartPicking(Shop, null, Now);

        Should.Throw<BusinessRuleValidationException>(() => order.Ship(" ", Shop, Now)).Code.ShouldBe("Sales:TrackingNumberRequired");
        Should.Throw<BusinessRuleValidationException>(() => order.MoveTo(OrderStatus.Shipped, Shop, "rule says so", null, Now))
            .Code.ShouldBe("Sales:TrackingNumberRequired");
        Should.Throw<BusinessRuleValidationException>(() => order.Apply(OrderMove.Ship, Shop, null, null,
            Now)).Code.ShouldBe("Sales:TrackingNumberRequired");

        order.Status.ShouldBe(OrderStatus.Picking);
        order.TrackingNumber.ShouldBeNull();
        order.Apply(OrderMove.Ship, Shop, null, " TRK-7 ", Now);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.TrackingNumber.ShouldBe("TRK-7");
    }

    [Fact]
    public void A_Picking_Order_Cannot_Ship_Before_It_Is_Picked_For()
    {
        var order = NewOrder();

        Should.Throw<BusinessRuleValidationException>(() => order.Ship("TRK-1", Shop, Now)).Code.ShouldBe("Sales:TransitionNotAllowed");
        order.TrackingNumber.ShouldBeNull();
    }

    [Theory]
    [InlineData(OrderMove.Hold)]
    [InlineData(OrderMove.Fail)]
    public void Holding_And_Failing_Need_A_Reason(OrderMove move)
    {
        var order = NewOrder();
        if (move == OrderMove.Fail)
        {
            order.Reserve(Shop, null, Now);
            order.StartPicking(Shop, null, Now);
            order.Ship("TRK-3", Shop, Now);
        }
        var before = order.Status;

        var error = Should.Throw<BusinessRuleValidationException>(() => order.Apply(move, Shop, "  ", null, Now));

        error.Code.ShouldBe("Sales:MoveNeedsReason");
        order.Status.ShouldBe(before);
        order.Apply(move, Shop, "parcel lost", null, Now);
        order.Steps[^1].Reason!.Text.ShouldBe("parcel lost");
    }

    [Fact]
    public void Release_Works_Only_On_Hold()
    {
        var order = NewOrder();

        Should.Throw<BusinessRuleValidationException>(() => order.Release(Shop, null, Now)).Code.ShouldBe("Sales:MoveNotAvailable");
        order.Hold("checking payment", Shop, Now);
        order.Release(Shop, "payment confirmed", Now);
        order.Status.ShouldBe(OrderStatus.New);
    }

    [Theory]
    [InlineData(OrderStatus.New, new[] { OrderMove.Hold, OrderMove.Cancel })]
    [InlineData(OrderStatus.Picking, new[] { OrderMove.Ship, OrderMove.Cancel })]
    [InlineData(OrderStatus.Shipped, new[] { OrderMove.Deliver, OrderMove.Return, OrderMove.Fail })]
    [InlineData(OrderStatus.Completed, new[] { OrderMove.Return })]
    [InlineData(OrderStatus.Returned, new OrderMove[0])]
    public void People_Are_Offered_Only_The_Moves_They_May_Make(OrderStatus status, OrderMove[] expected) =>
        OrderStateMachine.ManualMovesFrom(status).ShouldBe(expected);

    [Fact]
    public void Every_Move_Offered_To_People_Is_One_The_Lifecycle_Allows()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var move in OrderStateMachine.ManualMovesFrom(status))
            {
                var target = move switch
                {
                    OrderMove.Hold => OrderStatus.OnHold, OrderMove.Release => OrderStatus.New, OrderMove.Ship => OrderStatus.Shipped,
                    OrderMove.Deliver => OrderStatus.Delivered, OrderMove.Complete => OrderStatus.Completed,
                    OrderMove.Cancel => OrderStatus.Cancelled, OrderMove.Return => OrderStatus.Returned, _ => OrderStatus.Failed,
                };
                OrderStateMachine.CanMove(status, target).ShouldBeTrue($"{status} offers {move}");
            }
        }
    }

    [Fact]
    public void Lines_Should_Refuse_Bad_Quantities_And_Prices_And_Orders_Need_Lines()
    {
        Should.Throw<BusinessException>(() => new OrderLine("SKU-1", "x", 0, 1)).Code.ShouldBe("Sales:InvalidQuantity");
        Should.Throw<BusinessException>(() => new OrderLine("SKU-1", "x", 1, -1)).Code.ShouldBe("Sales:NegativePrice");
        Should.Throw<BusinessRuleValidationException>(() => NewOrderWithLines([])).Code.ShouldBe("Sales:OrderNeedsLines");
    }

    private static Order NewOrder(params OrderLine[] lines) =>
        NewOrderWithLines(lines.Length == 0 ? [new OrderLine("SKU-001", "Mug", 1, 100m)] : lines);

    private static Order NewOrderWithLines(OrderLine[] lines) =>
        new(Guid.NewGuid(), 1001, Guid.NewGuid(), "shop-1", Guid.NewGuid(), "Anna", "RUB", PaymentMethod.Card,
            new ShippingAddress("RU", "Москва", "ул. Тверская, 1", "125009"), lines, Shop, Now);
}
