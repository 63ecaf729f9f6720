using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Data;

public sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<ActivitiesDbContext>(options, dependencies)
{
    public const string DbSchema = "activities";

    public override string Schema => DbSchema;

    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<InboundMessage> Messages => Set<InboundMessage>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureActivities();
}
