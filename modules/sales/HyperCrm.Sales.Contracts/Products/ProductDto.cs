namespace HyperCrm.Sales.Products;

public sealed record ProductDto(string Sku, string Name, decimal Price, string Currency, int StockOnHand, int StockReserved, int Available);
