namespace HyperCrm.Sales.Products;

public sealed record StockSyncResultDto(int Updated, int Created, int Unchanged);
