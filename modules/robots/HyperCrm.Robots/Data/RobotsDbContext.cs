using HyperCrm.Framework.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Data;

public sealed class RobotsDbContext(DbContextOptions<RobotsDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<RobotsDbContext>(options, dependencies)
{
    public const string DbSchema = "robots";

    public override string Schema => DbSchema;

    public DbSet<Bot> Bots => Set<Bot>();
    public DbSet<BotVersion> BotVersions => Set<BotVersion>();
    public DbSet<BotJob> Jobs => Set<BotJob>();
    public DbSet<BotRun> Runs => Set<BotRun>();
    public DbSet<BotScreenshot> Screenshots => Set<BotScreenshot>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureRobots();
}
