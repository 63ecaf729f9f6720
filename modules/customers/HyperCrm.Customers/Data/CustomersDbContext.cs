using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Data;

public sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<CustomersDbContext>(options, dependencies)
{
    public override string Schema => CustomersDbProperties.DbSchema;

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<HyperCrm.Customers.Domain.Import.CustomerImport> Imports => Set<HyperCrm.Customers.Domain.Import.CustomerImport>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureCustomers();
}
