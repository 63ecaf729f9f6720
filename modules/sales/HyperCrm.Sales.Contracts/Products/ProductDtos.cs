namespace HyperCrm.Sales.Products;

public sealed record ProductDto(string Sku, string Name, decimal Price, string Currency, int StockOnHand, int StockReserved, int Available);

public interface IProductAppService
{
    Task<IReadOnlyList<ProductDto>> GetListAsync(string? filter, CancellationToken cancellationToken = default);
}

/// <summary>One SKU as the ERP reports it.</summary>
public sealed record StockLevelDto(string Sku, string Name, decimal Price, int OnHand, int Reserved);

public sealed record StockSyncResultDto(int Updated, int Created, int Unchanged);

/// <summary>Keeps products and stock in step with the ERP (the ERP is the source of truth for stock).</summary>
public interface IProductIntegrationService
{
    Task<StockSyncResultDto> ApplyStockAsync(IReadOnlyList<StockLevelDto> levels, CancellationToken cancellationToken = default);
}
