using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>A recorded step: what happened, the resulting status, who did it and why.</summary>
public sealed class OrderStep
{
    public DateTimeOffset At { get; private set; }
    public string What { get; private set; } = string.Empty;
    public OrderStatus? Status { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorName { get; private set; }

    /// <summary>Why, or what came of it: a person's words kept verbatim, or the system's note as a message.</summary>
    public Message? Reason { get; private set; }

    private OrderStep() { }

    public OrderStep(DateTimeOffset at, string what, OrderStatus? status, Actor actor, Message? reason)
    {
        At = at;
        What = what;
        Status = status;
        ActorKind = actor.Kind;
        ActorName = actor.Name;
        Reason = reason?.Limit(OrderConsts.MaxReasonLength);
    }
}
