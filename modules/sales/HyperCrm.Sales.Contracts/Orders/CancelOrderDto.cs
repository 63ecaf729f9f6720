namespace HyperCrm.Sales.Orders;

public sealed record CancelOrderDto(string? Reason);
