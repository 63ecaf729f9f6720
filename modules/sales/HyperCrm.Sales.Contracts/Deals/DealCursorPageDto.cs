namespace HyperCrm.Sales.Deals;

public sealed record DealCursorPageDto(IReadOnlyList<DealDto> Items, string? NextCursor);
