namespace HyperCrm.Sales.Products;

public interface IProductAppService
{
    /// <summary>
    /// The active catalog with stock, in SKU order, <paramref name="limit"/> at a time (1–200, 50 by default), after the
    /// <paramref name="cursor"/> of the previous page; <paramref name="filter"/> matches the start of a SKU or any part of a name.
    /// </summary>
    Task<ProductPageDto> GetPageAsync(string? filter, int limit, string? cursor, CancellationToken cancellationToken = default);
}
