using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>
/// An order and its lines. Its status changes only through intention-revealing moves (<see cref="Hold"/>, <see cref="Ship"/>,
/// <see cref="Deliver"/>, …) that check what they need and the order lifecycle (<see cref="OrderStateMachine"/>); every move
/// is recorded with who and why, raised as an event for other modules, and put on the customer's timeline.
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

    /// <summary>Where the card payment stands at the gateway (null: none taken, e.g. cash on delivery).</summary>
    public PaymentState? Payment { get; private set; }

    /// <summary>The gateway's words for the last refusal.</summary>
    public string? PaymentReason { get; private set; }

    /// <summary>The fraud-risk probability the latest model gave (0–1), its reasons in words, and that model's version.</summary>
    public decimal? RiskScore { get; private set; }
    public IReadOnlyList<Message> RiskReasons { get; private set; } = [];
    public string? RiskModel { get; private set; }
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
        AddStep(new OrderStep(now, "order.created", OrderStatus.New, actor, null));
        AddDistributedEvent(new OrderCreatedEto(id, number, customerId, partnerId, externalId, currency, Total));
        AddDistributedEvent(new TimelineEventEto(customerId, now, "sales", "order.created",
            Message.Of("Sales:Timeline:OrderPlaced", ("number", number), ("total", Total), ("currency", currency)),
            actor.Kind, actor.Name, null, id, TimelineReferenceKinds.Order));
    }

    /// <summary>Puts a new order aside (a manager checks something first); says why.</summary>
    public void Hold(string reason, Actor actor, DateTimeOffset now) =>
        Transition(OrderStatus.OnHold, actor, RequiredReason(OrderMove.Hold, reason), now);

    /// <summary>Takes an order off hold: it is new again and the automation picks it up.</summary>
    public void Release(Actor actor, string? reason, DateTimeOffset now)
    {
        CheckRule(new OrderMustBeInStatusRule(OrderMove.Release, Status, OrderStatus.OnHold));
        Transition(OrderStatus.New, actor, reason, now);
    }

    /// <summary>The ERP has not enough stock: the order waits for a delivery.</summary>
    public void AwaitStock(Actor actor, string? reason, DateTimeOffset now) => Transition(OrderStatus.AwaitingStock, actor, reason, now);

    /// <summary>The goods are reserved for this order at the ERP.</summary>
    public void Reserve(Actor actor, string? reason, DateTimeOffset now) => Transition(OrderStatus.Reserved, actor, reason, now);

    /// <summary>The warehouse is picking the order.</summary>
    public void StartPicking(Actor actor, string? reason, DateTimeOffset now) => Transition(OrderStatus.Picking, actor, reason, now);

    /// <summary>Handed to the courier: an order ships only with the courier's tracking number.</summary>
    public void Ship(string trackingNumber, Actor actor, DateTimeOffset now)
    {
        CheckRule(new ShippingNeedsATrackingNumberRule(trackingNumber));
        CheckRule(new OrderTransitionMustBeAllowedRule(Status, OrderStatus.Shipped));
        TrackingNumber = Check.NotNullOrWhiteSpace(trackingNumber, nameof(trackingNumber), OrderConsts.MaxTrackingNumberLength).Trim();
        Transition(OrderStatus.Shipped, actor, null, now, Message.Of("Sales:Step:Tracking", ("tracking", TrackingNumber)));
    }

    /// <summary>The courier (or a person who checked with the customer) confirms the delivery.</summary>
    public void Deliver(Actor actor, string? reason, DateTimeOffset now) => Transition(OrderStatus.Delivered, actor, reason, now);

    /// <summary>Closes a delivered order.</summary>
    public void Complete(Actor actor, string? reason, DateTimeOffset now) => Transition(OrderStatus.Completed, actor, reason, now);

    /// <summary>Cancels an order that has not shipped yet; cancelling a cancelled order again changes nothing. False then.</summary>
    public bool Cancel(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Status == OrderStatus.Cancelled) return false;
        CheckRule(new OnlyUnshippedOrdersCanBeCancelledRule(Status));
        Transition(OrderStatus.Cancelled, actor, reason, now);
        return true;
    }

    /// <summary>The goods of a shipped order come back (the courier returned the parcel, or the customer sent it back); a
    /// return already recorded is not recorded twice.</summary>
    public void Return(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Status == OrderStatus.Returned) return;
        Transition(OrderStatus.Returned, actor, reason, now);
    }

    /// <summary>Gives up on the order (lost parcel, payment refused…); says why.</summary>
    public void Fail(string reason, Actor actor, DateTimeOffset now) =>
        Transition(OrderStatus.Failed, actor, RequiredReason(OrderMove.Fail, reason), now);

    /// <summary>A person's move from the order page; each move checks what it needs.</summary>
    public void Apply(OrderMove move, Actor actor, string? reason, string? trackingNumber, DateTimeOffset now)
    {
        switch (move)
        {
            case OrderMove.Hold: Hold(reason!, actor, now); break;
            case OrderMove.Release: Release(actor, reason, now); break;
            case OrderMove.Ship: Ship(trackingNumber!, actor, now); break;
            case OrderMove.Deliver: Deliver(actor, reason, now); break;
            case OrderMove.Complete: Complete(actor, reason, now); break;
            // Once the goods have left, a person's "cancel" can only be a return.
            case OrderMove.Cancel when OrderStateMachine.HasShipped(Status) && Status != OrderStatus.Returned:
                Return(actor, reason, now);
                break;
            case OrderMove.Cancel: Cancel(actor, reason, now); break;
            case OrderMove.Fail: Fail(reason!, actor, now); break;
            case OrderMove.Return: Return(actor, reason, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    /// <summary>
    /// A rule's move to a named status (<c>sales.change_order_status</c>): the same intention methods, so a rule can
    /// no more ship without a tracking number, or hold without a reason, than a person can.
    /// </summary>
    public void MoveTo(OrderStatus status, Actor actor, string? reason, string? trackingNumber, DateTimeOffset now)
    {
        switch (status)
        {
            case OrderStatus.New: Release(actor, reason, now); break;
            case OrderStatus.OnHold: Hold(reason!, actor, now); break;
            case OrderStatus.AwaitingStock: AwaitStock(actor, reason, now); break;
            case OrderStatus.Reserved: Reserve(actor, reason, now); break;
            case OrderStatus.Picking: StartPicking(actor, reason, now); break;
            case OrderStatus.Shipped: Ship(trackingNumber!, actor, now); break;
            case OrderStatus.Delivered: Deliver(actor, reason, now); break;
            case OrderStatus.Completed: Complete(actor, reason, now); break;
            case OrderStatus.Cancelled: Cancel(actor, reason, now); break;
            case OrderStatus.Failed: Fail(reason!, actor, now); break;
            case OrderStatus.Returned: Return(actor, reason, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    private string RequiredReason(OrderMove move, string? reason)
    {
        CheckRule(new OrderMoveNeedsAReasonRule(move, reason));
        return reason!.Trim();
    }

    /// <summary>Moves the order; <paramref name="reason"/> is the person's or rule's words, <paramref name="note"/> the system's.</summary>
    private void Transition(OrderStatus to, Actor actor, string? reason, DateTimeOffset now, Message? note = null)
    {
        CheckRule(new OrderTransitionMustBeAllowedRule(Status, to));
        var from = Status;
        Status = to;
        var why = note ?? Message.VerbatimOrNull(reason);
        AddStep(new OrderStep(now, "status." + OrderStatusNames.WireName(to), to, actor, why));
        AddDistributedEvent(new OrderStatusChangedEto(Id, CustomerId, PartnerId, from, to, reason));
        AddDistributedEvent(new TimelineEventEto(CustomerId, now, "sales", "order.status_changed",
            Message.Of("Sales:Timeline:OrderStatusChanged", ("number", Number), ("from", from), ("to", to)),
            actor.Kind, actor.Name, why, Id, TimelineReferenceKinds.Order));
    }

    /// <summary>
    /// The stock the order waits for is there again: recorded, and <see cref="OrderStockArrivedEto"/> raised for the rule that
    /// reserves it — once per wait (false when the order is not waiting for stock, or was told already since it began to).
    /// A wait begins when the order goes to awaiting_stock, and again when the reservation after an arrival came back short
    /// (<see cref="StockStillShort"/>).
    /// </summary>
    public bool StockArrived(string skus, Actor actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingStock) return false;
        var waitingSince = _steps.LastOrDefault(s => s.Status == OrderStatus.AwaitingStock || s.What == StockShortStep)?.At
                           ?? DateTimeOffset.MinValue;
        if (_steps.Any(s => s.What == StockArrivedStep && s.At >= waitingSince)) return false;
        AddStep(new OrderStep(now, StockArrivedStep, null, actor, Message.Of("Sales:Step:StockArrived", ("skus", skus))));
        AddDistributedEvent(new OrderStockArrivedEto(Id, CustomerId, skus));
        return true;
    }

    public const string StockArrivedStep = "stock.arrived";

    /// <summary>
    /// The reservation after the stock arrived came back short (another order took the units first): recorded, and a new
    /// wait begins, so the next arrival is told again. False when the order is not waiting for stock.
    /// </summary>
    public bool StockStillShort(string skus, Actor actor, DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingStock) return false;
        AddStep(new OrderStep(now, StockShortStep, null, actor, Message.Of("Sales:Step:StockShort", ("skus", skus))));
        return true;
    }

    public const string StockShortStep = "stock.short";

    /// <summary>Records something done for the order that does not change its status (an ERP document, a message sent…); once.</summary>
    public bool RecordStep(string what, Actor actor, Message? note, DateTimeOffset now)
    {
        Check.NotNullOrWhiteSpace(what, nameof(what), 60);
        if (_steps.Any(s => s.What == what && Equals(s.Reason, note))) return false;
        AddStep(new OrderStep(now, what, null, actor, note));
        return true;
    }

    /// <summary>A fraud-risk score with its reasons, on the order and its history; the same score again is kept once.</summary>
    public bool RecordRisk(decimal score, IReadOnlyList<Message> reasons, string model, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1m);
        Check.NotNullOrWhiteSpace(model, nameof(model), 40);
        if (RiskScore == score && RiskModel == model) return false;
        (RiskScore, RiskReasons, RiskModel) = (score, reasons.Take(5).ToList(), model);
        AddStep(new OrderStep(now, "risk.scored", null, actor, Message.Of("Sales:Step:RiskScored",
            ("score", Math.Round(score * 100)), ("model", model))));
        return true;
    }

    /// <summary>The gateway's news about the card payment, on the order's history; the same news twice is kept once.</summary>
    public bool RecordPayment(PaymentState state, string? reason, Actor actor, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > OrderConsts.MaxPaymentReasonLength }) why = why[..OrderConsts.MaxPaymentReasonLength];
        if (Payment == state && PaymentReason == why) return false;
        Payment = state;
        PaymentReason = why;
        AddStep(new OrderStep(now, "payment." + state.ToString().ToLowerInvariant(), null, actor, why is null
            ? Message.Of("Sales:Step:Payment", ("state", state))
            : Message.Of("Sales:Step:PaymentWithReason", ("state", state), ("reason", why))));
        return true;
    }

    /// <summary>Every step goes on the history and out as <see cref="OrderStepRecordedEto"/>, for the process-mining log.</summary>
    private void AddStep(OrderStep step)
    {
        _steps.Add(step);
        AddDistributedEvent(new OrderStepRecordedEto(Id, Number, CustomerId, PartnerId, step.At, step.What, step.Status, step.ActorKind,
            step.ActorName));
    }

    public bool IsVisibleTo(Guid? partnerId) => partnerId is null || PartnerId == partnerId;
}
