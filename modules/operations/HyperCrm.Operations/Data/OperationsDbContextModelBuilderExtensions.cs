using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Operations.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Operations.Data;

public static class OperationsDbContextModelBuilderExtensions
{
    public static void ConfigureOperations(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = OperationsDbContext.DbSchema;
        builder.Entity<InstanceRecord>(b =>
        {
            b.ToTable("instances", schema);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(InstanceIdentity.MaxIdLength);
            b.Property(x => x.Name).HasMaxLength(60);
            b.Property(x => x.Host).HasMaxLength(120);
            b.Property(x => x.Version).HasMaxLength(60);
            b.HasIndex(x => x.LastSeenAt);
        });
        builder.Entity<AlertRule>(b =>
        {
            b.ToTable("alert_rules", schema);
            b.Property(x => x.Name).HasMaxLength(AlertRule.MaxNameLength).IsRequired();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Target).HasMaxLength(AlertRule.MaxTargetLength).IsRequired();
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
        });
        builder.Entity<Alert>(b =>
        {
            b.ToTable("alerts", schema);
            b.Property(x => x.RuleName).HasMaxLength(AlertRule.MaxNameLength).IsRequired();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Subject).HasMaxLength(Alert.MaxSubjectLength).IsRequired();
            b.Property(x => x.Message).HasRequiredMessageConversion();
            b.Property(x => x.AcknowledgedBy).HasMaxLength(256);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            // One firing alert per rule and subject, whatever two instances evaluating at once would do.
            b.HasIndex(x => new { x.RuleId, x.Subject }).IsUnique().HasFilter("resolved_at IS NULL");
            b.HasIndex(x => x.FiredAt);
        });
        builder.Entity<AlertBreach>(b =>
        {
            b.ToTable("alert_breaches", schema);
            b.HasKey(x => new { x.RuleId, x.Subject });
            b.Property(x => x.Subject).HasMaxLength(Alert.MaxSubjectLength);
        });
        builder.Entity<JobOutcome>(b =>
        {
            b.ToTable("job_outcomes", schema);
            b.HasKey(x => new { x.JobGroup, x.JobName });
            b.Property(x => x.JobGroup).HasMaxLength(200);
            b.Property(x => x.JobName).HasMaxLength(200);
            b.Property(x => x.Error).HasMaxLength(JobOutcome.MaxErrorLength);
            b.Property(x => x.InstanceName).HasMaxLength(60);
        });
        builder.ConfigureEventTables(schema);
    }
}
