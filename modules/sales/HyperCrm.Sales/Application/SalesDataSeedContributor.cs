using System.Globalization;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Deals;
using HyperCrm.Sales.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Sales.Application;

/// <summary>
/// The default pipeline, and the demo catalog of docs/api.md: SKU-001…SKU-050 in stock, OOS-001…OOS-010 out of stock (bought
/// from the supplier). Names are in the installation's language (<see cref="InstallationCulture"/>).
/// </summary>
public sealed class SalesDataSeedContributor(SalesDbContext db, IStringLocalizer<SalesResource> l, IConfiguration configuration)
    : IDataSeedContributor
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        using var language = InstallationCulture.Use(InstallationCulture.Of(configuration));
        if (!await db.Pipelines.AnyAsync(cancellationToken))
        {
            db.Pipelines.Add(new Pipeline(Guid.CreateVersion7(), l["Seed:Pipeline"], isDefault: true,
            [
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Lead"], 1, 10),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Qualified"], 2, 30),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Proposal"], 3, 60),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Negotiation"], 4, 80),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Won"], 5, 100, isWon: true),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Lost"], 6, 0, isLost: true),
            ]));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await db.Pipelines.AnyAsync(p => p.Key == Pipeline.WebOrdersKey, cancellationToken))
        {
            // The shop's orders on the board: placed → won when completed, lost when cancelled, failed or returned.
            db.Pipelines.Add(new Pipeline(Guid.CreateVersion7(), l["Seed:WebOrders"], isDefault: false,
            [
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Placed"], 1, 80),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Won"], 2, 100, isWon: true),
                new Stage(Guid.CreateVersion7(), l["Seed:Stage.Lost"], 3, 0, isLost: true),
            ], Pipeline.WebOrdersKey));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (await db.Products.AnyAsync(cancellationToken)) return;
        for (var i = 1; i <= 50; i++)
            db.Products.Add(new Product(Guid.CreateVersion7(), $"SKU-{i:000}", l["Seed:Product", i.ToString("000",
                CultureInfo.InvariantCulture)],
                490m + (i * 100), "RUB", 100));
        for (var i = 1; i <= 10; i++)
            db.Products.Add(new Product(Guid.CreateVersion7(), $"OOS-{i:000}", l["Seed:SupplierItem", i.ToString("000",
                CultureInfo.InvariantCulture)],
                990m + (i * 100), "RUB", 0));
        await db.SaveChangesAsync(cancellationToken);
    }
}
