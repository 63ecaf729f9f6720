using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>The only moves an order may make. Everything else is refused with a named rule.</summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.New] = [OrderStatus.OnHold, OrderStatus.AwaitingStock, OrderStatus.Reserved, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.OnHold] = [OrderStatus.New, OrderStatus.AwaitingStock, OrderStatus.Reserved, OrderStatus.Cancelled],
        [OrderStatus.AwaitingStock] = [OrderStatus.Reserved, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Reserved] = [OrderStatus.Picking, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Picking] = [OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Failed],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Failed] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus from) => Allowed[from];

    public static bool IsFinal(OrderStatus status) => Allowed[status].Length == 0;
}
