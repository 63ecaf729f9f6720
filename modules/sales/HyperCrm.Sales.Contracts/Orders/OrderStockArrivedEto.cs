using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Orders;

/// <summary>The stock an order waits for (<c>awaiting_stock</c>) is there again (a supplier's delivery reached the ERP): a rule
/// can reserve the order now. Raised once per wait.</summary>
[EventName("sales.order.stock_arrived")]
public sealed record OrderStockArrivedEto(Guid OrderId, Guid CustomerId, string Skus);
