using HyperCrm.Automation.Domain.Rules;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Data;

public sealed class AutomationDbContext(DbContextOptions<AutomationDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<AutomationDbContext>(options, dependencies)
{
    public override string Schema => AutomationDbProperties.DbSchema;

    public DbSet<Rule> Rules => Set<Rule>();
    public DbSet<RuleVersion> RuleVersions => Set<RuleVersion>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<RunStep> RunSteps => Set<RunStep>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureAutomation();
}
