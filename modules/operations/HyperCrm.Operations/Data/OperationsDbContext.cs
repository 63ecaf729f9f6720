using HyperCrm.Framework.Data;
using HyperCrm.Operations.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Operations.Data;

public sealed class OperationsDbContext(DbContextOptions<OperationsDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<OperationsDbContext>(options, dependencies)
{
    public const string DbSchema = "operations";

    public override string Schema => DbSchema;

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertBreach> Breaches => Set<AlertBreach>();
    public DbSet<JobOutcome> JobOutcomes => Set<JobOutcome>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureOperations();
}
