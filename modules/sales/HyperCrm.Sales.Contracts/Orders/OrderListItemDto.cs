namespace HyperCrm.Sales.Orders;

public sealed record OrderListItemDto(Guid Id, long Number, string? ExternalId, OrderStatus Status, string CustomerName, string Currency,
    decimal Total, DateTimeOffset CreationTime);
