namespace HyperCrm.Sales.Products;

/// <summary>A page of the catalog in SKU order; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ProductPageDto(IReadOnlyList<ProductDto> Items, string? NextCursor);
