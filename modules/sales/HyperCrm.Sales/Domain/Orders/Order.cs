using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>
/// An order and its lines. Its status moves only along <see cref="OrderStateMachine"/>; every move is recorded with who
/// and why, raised as an event for other modules, and put on the customer's timeline.
/// </summary>
public sealed class Order : AuditedAggregateRoot<Guid>
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStep> _steps = [];

    public long Number { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string? ExternalId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerName { get; private set; } = string.Empty;
    public string Currency { get; private set; } = string.Empty;
    public PaymentMethod PaymentMethod { get; private set; }
    public ShippingAddress ShippingAddress { get; private set; } = null!;
    public OrderStatus Status { get; private set; }
    public decimal Total { get; private set; }
    public string? TrackingNumber { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderStep> Steps => _steps;

    private Order() { }

    public Order(Guid id, long number, Guid? partnerId, string? externalId, Guid customerId, string customerName, string currency,
        PaymentMethod paymentMethod, ShippingAddress shippingAddress, IEnumerable<OrderLine> lines, Actor actor, DateTimeOffset now)
        : base(id)
    {
        Number = number;
        PartnerId = partnerId;
        ExternalId = externalId;
        CustomerId = customerId;
        CustomerName = customerName;
        Currency = currency;
        PaymentMethod = paymentMethod;
        ShippingAddress = shippingAddress;
        _lines.AddRange(lines);
        CheckRule(new OrderNeedsLinesRule(_lines.Count));
        Total = _lines.Sum(l => l.LineTotal);
        Status = OrderStatus.New;
        _steps.Add(new OrderStep(now, "order.created", OrderStatus.New, actor, null));
        AddDistributedEvent(new OrderCreatedEto(id, number, customerId, partnerId, externalId, currency, Total));
        AddDistributedEvent(new TimelineEventEto(customerId, now, "sales", "order.created", $"Order #{number} placed: {Total:0.00} {currency}",
            actor.Kind, actor.Name, null, id, $"/Orders/Details?id={id}"));
    }

    /// <summary>Moves the order; the state machine decides whether the move is allowed.</summary>
    public void MoveTo(OrderStatus to, Actor actor, string? reason, DateTimeOffset now)
    {
        CheckRule(new OrderTransitionMustBeAllowedRule(Status, to));
        var from = Status;
        Status = to;
        _steps.Add(new OrderStep(now, "status." + OrderStatusNames.WireName(to), to, actor, reason));
        AddDistributedEvent(new OrderStatusChangedEto(Id, CustomerId, PartnerId, from, to, reason));
        AddDistributedEvent(new TimelineEventEto(CustomerId, now, "sales", "order.status_changed", $"Order #{Number}: {from} → {to}",
            actor.Kind, actor.Name, reason, Id, $"/Orders/Details?id={Id}"));
    }

    public void Cancel(Actor actor, string? reason, DateTimeOffset now)
    {
        CheckRule(new OnlyUnshippedOrdersCanBeCancelledRule(Status));
        MoveTo(OrderStatus.Cancelled, actor, reason, now);
    }

    public void Ship(string trackingNumber, Actor actor, DateTimeOffset now)
    {
        TrackingNumber = Check.NotNullOrWhiteSpace(trackingNumber, nameof(trackingNumber), OrderConsts.MaxTrackingNumberLength);
        MoveTo(OrderStatus.Shipped, actor, $"tracking {trackingNumber}", now);
    }

    /// <summary>Records something done for the order that does not change its status (an ERP document, a message sent…); once.</summary>
    public bool RecordStep(string what, Actor actor, string? reason, DateTimeOffset now)
    {
        Check.NotNullOrWhiteSpace(what, nameof(what), 60);
        if (_steps.Any(s => s.What == what && s.Reason == reason)) return false;
        _steps.Add(new OrderStep(now, what, null, actor, reason));
        return true;
    }

    public bool IsVisibleTo(Guid? partnerId) => partnerId is null || PartnerId == partnerId;
}
