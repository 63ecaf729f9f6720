namespace HyperCrm.Sales.Orders;

public sealed record OrderCursorPageDto(IReadOnlyList<OrderDto> Items, string? NextCursor);
