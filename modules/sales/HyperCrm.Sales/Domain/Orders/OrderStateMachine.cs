using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>The only moves an order may make. Everything else is refused with a named rule.</summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.New] = [OrderStatus.OnHold, OrderStatus.AwaitingStock, OrderStatus.Reserved, OrderStatus.Cancelled,
            OrderStatus.Failed],
        [OrderStatus.OnHold] = [OrderStatus.New, OrderStatus.AwaitingStock, OrderStatus.Reserved, OrderStatus.Cancelled],
        [OrderStatus.AwaitingStock] = [OrderStatus.Reserved, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Reserved] = [OrderStatus.Picking, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Picking] = [OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.Failed],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Failed, OrderStatus.Returned],
        [OrderStatus.Delivered] = [OrderStatus.Completed, OrderStatus.Returned],
        [OrderStatus.Completed] = [OrderStatus.Returned],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Failed] = [],
        [OrderStatus.Returned] = [],
    };

    /// <summary>What a person may do from the order page; the rest is the automation's (reserving, picking).</summary>
    private static readonly Dictionary<OrderStatus, OrderMove[]> Manual = new()
    {
        [OrderStatus.New] = [OrderMove.Hold, OrderMove.Cancel],
        [OrderStatus.OnHold] = [OrderMove.Release, OrderMove.Cancel],
        [OrderStatus.AwaitingStock] = [OrderMove.Cancel],
        [OrderStatus.Reserved] = [OrderMove.Cancel],
        [OrderStatus.Picking] = [OrderMove.Ship, OrderMove.Cancel],
        [OrderStatus.Shipped] = [OrderMove.Deliver, OrderMove.Return, OrderMove.Fail],
        [OrderStatus.Delivered] = [OrderMove.Complete, OrderMove.Return],
        [OrderStatus.Completed] = [OrderMove.Return],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Failed] = [],
        [OrderStatus.Returned] = [],
    };

    public static IReadOnlyList<OrderMove> ManualMovesFrom(OrderStatus from) => Manual[from];

    /// <summary>Whether a move asks the person for a reason (hold, fail) or a tracking number (ship).</summary>
    public static bool NeedsReason(OrderMove move) => move is OrderMove.Hold or OrderMove.Fail;

    public static bool CanMove(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus from) => Allowed[from];

    /// <summary>Final for the order story: a completed order may still come back as a return.</summary>
    public static bool IsFinal(OrderStatus status) => Allowed[status].Length == 0;

    /// <summary>The goods have left the warehouse: cancelling is no longer possible, only a return.</summary>
    public static bool HasShipped(OrderStatus status) =>
        status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.Returned;
}
