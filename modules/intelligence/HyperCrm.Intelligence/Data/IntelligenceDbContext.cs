using HyperCrm.Framework.Data;
using HyperCrm.Intelligence.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Data;

public sealed class IntelligenceDbContext(DbContextOptions<IntelligenceDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<IntelligenceDbContext>(options, dependencies)
{
    public const string DbSchema = "intelligence";

    public override string Schema => DbSchema;

    public DbSet<RiskModel> RiskModels => Set<RiskModel>();
    public DbSet<OrderRiskScore> RiskScores => Set<OrderRiskScore>();
    public DbSet<RiskLabel> RiskLabels => Set<RiskLabel>();
    public DbSet<MessageTriage> MessageTriages => Set<MessageTriage>();
    public DbSet<AgentSession> AgentSessions => Set<AgentSession>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureIntelligence();
}
