using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Products;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Application;

/// <summary>The catalog for partners and rules: keyset-paged by SKU, so a page never repeats or skips a product.</summary>
public sealed class ProductAppService(SalesDbContext db) : IProductAppService
{
    public async Task<ProductPageDto> GetPageAsync(string? filter, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var take = Math.Clamp(limit <= 0 ? KeysetPaging.DefaultLimit : limit, 1, KeysetPaging.MaxLimit);
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            query = query.Where(p => EF.Functions.ILike(p.Sku, LikePattern.StartsWith(text), LikePattern.EscapeCharacter)
                                     || EF.Functions.ILike(p.Name, LikePattern.Contains(text), LikePattern.EscapeCharacter));
        }
        if (TextCursor.Decode(cursor) is { } afterSku) query = query.Where(p => p.Sku.CompareTo(afterSku) > 0);
        var page = await query.OrderBy(p => p.Sku).Take(take + 1).ToListAsync(cancellationToken);
        var more = page.Count > take;
        if (more) page.RemoveAt(take);
        return new ProductPageDto(page.Select(p => p.ToDto()).ToList(), more ? TextCursor.Encode(page[^1].Sku) : null);
    }
}
