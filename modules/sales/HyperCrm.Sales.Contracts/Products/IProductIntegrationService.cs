namespace HyperCrm.Sales.Products;

/// <summary>Keeps products and stock in step with the ERP (the ERP is the source of truth for stock).</summary>
public interface IProductIntegrationService
{
    Task<StockSyncResultDto> ApplyStockAsync(IReadOnlyList<StockLevelDto> levels, CancellationToken cancellationToken = default);
}
