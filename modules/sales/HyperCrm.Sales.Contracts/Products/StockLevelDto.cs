namespace HyperCrm.Sales.Products;

/// <summary>One SKU as the ERP reports it.</summary>
public sealed record StockLevelDto(string Sku, string Name, decimal Price, int OnHand, int Reserved);
