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

        order.MoveTo(OrderStatus.Reserved, Shop, "stock reserved at the ERP", Now);
        order.MoveTo(OrderStatus.Picking, Shop, null, Now);
        order.Ship("TRK-1", Shop, Now);
        order.MoveTo(OrderStatus.Delivered, Shop, "courier webhook", Now);
        order.MoveTo(OrderStatus.Completed, Shop, null, Now);

        order.Status.ShouldBe(OrderStatus.Completed);
        order.TrackingNumber.ShouldBe("TRK-1");
        order.Steps.Select(s => s.Status).ShouldBe([OrderStatus.New, OrderStatus.Reserved, OrderStatus.Picking, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed]);
        order.GetDistributedEvents().OfType<OrderStatusChangedEto>().Count().ShouldBe(5);
        OrderStateMachine.IsFinal(order.Status).ShouldBeTrue();
    }

    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Shipped)]
    [InlineData(OrderStatus.New, OrderStatus.Delivered)]
    [InlineData(OrderStatus.Reserved, OrderStatus.New)]
    [InlineData(OrderStatus.New, OrderStatus.Completed)]
    public void Skipping_Steps_Should_Be_A_409_Rule(OrderStatus via, OrderStatus target)
    {
        var order = NewOrder();
        if (via != OrderStatus.New) order.MoveTo(via, Shop, null, Now);

        var error = Should.Throw<BusinessRuleValidationException>(() => order.MoveTo(target, Shop, null, Now));

        error.Code.ShouldBe("Sales:TransitionNotAllowed");
        error.StatusCode.ShouldBe(409);
        order.Status.ShouldBe(via);
    }

    [Fact]
    public void Cancelling_Should_Work_Until_Shipped_Then_Be_Refused()
    {
        var early = NewOrder();
        early.Cancel(Shop, "customer changed their mind", Now);
        early.Status.ShouldBe(OrderStatus.Cancelled);
        early.Steps[^1].Reason.ShouldBe("customer changed their mind");

        var shipped = NewOrder();
        shipped.MoveTo(OrderStatus.Reserved, Shop, null, Now);
        shipped.MoveTo(OrderStatus.Picking, Shop, null, Now);
        shipped.Ship("TRK-2", Shop, Now);
        Should.Throw<BusinessRuleValidationException>(() => shipped.Cancel(Shop, null, Now)).Code.ShouldBe("Sales:AlreadyShipped");
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
