using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Orders;

[EventName("sales.order.created")]
public sealed record OrderCreatedEto(Guid OrderId, long Number, Guid CustomerId, Guid? PartnerId, string? ExternalId, string Currency,
    decimal Total);
