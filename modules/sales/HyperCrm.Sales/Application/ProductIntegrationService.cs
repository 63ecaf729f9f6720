using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Products;
using HyperCrm.Sales.Products;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Application;

public sealed class ProductIntegrationService(SalesDbContext db) : IProductIntegrationService
{
    public async Task<StockSyncResultDto> ApplyStockAsync(IReadOnlyList<StockLevelDto> levels,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var skus = levels.Select(l => l.Sku.Trim().ToUpperInvariant()).ToList();
        var products = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, cancellationToken);
        int updated = 0, created = 0, unchanged = 0;
        foreach (var level in levels)
        {
            var sku = level.Sku.Trim().ToUpperInvariant();
            if (products.TryGetValue(sku, out var product))
            {
                if (product.ApplyErpStock(level.Name, level.Price, level.OnHand, level.Reserved)) updated++;
                else unchanged++;
            }
            else
            {
                var added = new Product(Guid.CreateVersion7(), sku, level.Name, Math.Max(0, level.Price), "RUB", Math.Max(0, level.OnHand));
                added.ApplyErpStock(level.Name, level.Price, level.OnHand, level.Reserved);
                db.Products.Add(added);
                products[sku] = added;
                created++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new StockSyncResultDto(updated, created, unchanged);
    }
}
