namespace HyperCrm.Sales.Products;

public interface IProductAppService
{
    Task<IReadOnlyList<ProductDto>> GetListAsync(string? filter, CancellationToken cancellationToken = default);
}
