using HyperCrm.Framework.Data;
using HyperCrm.Sales.Domain.Deals;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Data;

public sealed class SalesDbContext(DbContextOptions<SalesDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<SalesDbContext>(options, dependencies)
{
    public override string Schema => SalesDbProperties.DbSchema;

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Pipeline> Pipelines => Set<Pipeline>();

    public DbSet<Deal> Deals => Set<Deal>();

    /// <summary>The next order number, from a sequence (gap-free is not promised; unique is).</summary>
    public async Task<long> NextOrderNumberAsync(CancellationToken cancellationToken) =>
        (await Database.SqlQueryRaw<long>($"SELECT nextval('{SalesDbProperties.DbSchema}.{SalesDbProperties.OrderNumbers}') AS \"Value\"")
            .ToListAsync(cancellationToken))[0];

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureSales();
}
