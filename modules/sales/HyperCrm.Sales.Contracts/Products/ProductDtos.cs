namespace HyperCrm.Sales.Products;

public sealed record ProductDto(string Sku, string Name, decimal Price, string Currency, int StockOnHand, int StockReserved, int Available);

public interface IProductAppService
{
    Task<IReadOnlyList<ProductDto>> GetListAsync(string? filter, CancellationToken cancellationToken = default);
}
