using HyperCrm.Analytics.Domain;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Analytics.Data;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<AnalyticsDbContext>(options, dependencies)
{
    public const string DbSchema = "analytics";

    public override string Schema => DbSchema;

    public DbSet<EventLogEntry> Events => Set<EventLogEntry>();
    public DbSet<CaseSummary> Cases => Set<CaseSummary>();
    public DbSet<EdgeStat> EdgeStats => Set<EdgeStat>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureAnalytics();
}
