using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Orders;

/// <summary>
/// A step was added to an order's history (created, a status change, an ERP document, a payment's news, a risk score…): who
/// did it and when. Not a trigger for rules (every step of every order); the event log of process mining is built from it.
/// </summary>
[EventName("sales.order.step_recorded", IsTrigger = false)]
public sealed record OrderStepRecordedEto(Guid OrderId, long Number, Guid CustomerId, Guid? PartnerId, DateTimeOffset At, string What,
    OrderStatus? Status, ActorKind Actor, string? ActorName);
