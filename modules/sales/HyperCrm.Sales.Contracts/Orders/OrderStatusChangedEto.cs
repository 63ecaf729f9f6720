using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Orders;

[EventName("sales.order.status_changed")]
public sealed record OrderStatusChangedEto(Guid OrderId, Guid CustomerId, Guid? PartnerId, OrderStatus From, OrderStatus To,
    string? Reason);
