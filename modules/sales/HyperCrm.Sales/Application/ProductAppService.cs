using HyperCrm.Framework.Data;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Products;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Application;

public sealed class ProductAppService(SalesDbContext db) : IProductAppService
{
    public async Task<IReadOnlyList<ProductDto>> GetListAsync(string? filter, CancellationToken cancellationToken = default)
    {
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(filter))
            query = query.Where(p => EF.Functions.ILike(p.Sku, LikePattern.StartsWith(filter.Trim()), LikePattern.EscapeCharacter) || EF.Functions.ILike(p.Name, LikePattern.Contains(filter.Trim()), LikePattern.EscapeCharacter));
        return (await query.OrderBy(p => p.Sku).Take(500).ToListAsync(cancellationToken)).Select(p => p.ToDto()).ToList();
    }
}
