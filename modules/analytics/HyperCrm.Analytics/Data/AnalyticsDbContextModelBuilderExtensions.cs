using HyperCrm.Analytics.Domain;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Analytics.Data;

public static class AnalyticsDbContextModelBuilderExtensions
{
    /// <summary>The sequence every entry draws <see cref="EventLogEntry.Seq"/> from: its last value says whether the log
    /// changed since a result was cached.</summary>
    public const string EventSequence = "events_seq";

    /// <summary>
    /// The event log. In the database it is partitioned by month on <c>occurred_at</c> (migration <c>Analytics</c>; the
    /// writer adds a month's partition before its first entry), so the key carries the time.
    /// </summary>
    public static void ConfigureAnalytics(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = AnalyticsDbContext.DbSchema;
        builder.HasSequence<long>(EventSequence, schema);
        builder.Entity<EventLogEntry>(b =>
        {
            b.ToTable("events", schema);
            b.HasKey(x => new { x.Id, x.OccurredAt });
            b.Property(x => x.Seq).HasDefaultValueSql($"nextval('{schema}.{EventSequence}')");
            b.Property(x => x.ObjectType).HasMaxLength(20).IsRequired();
            b.Property(x => x.CaseLabel).HasMaxLength(EventLogEntry.MaxCaseLabelLength);
            b.Property(x => x.Activity).HasMaxLength(120).IsRequired();
            b.Property(x => x.Resource).HasMaxLength(200);
            b.Property(x => x.ResourceKind).HasMaxLength(20).IsRequired();
            b.Property(x => x.Outcome).HasMaxLength(20);
            b.Property(x => x.Source).HasMaxLength(60).IsRequired();
            b.Property(x => x.PrevActivity).HasMaxLength(120);
            b.HasIndex(x => new { x.CaseId, x.OccurredAt, x.Activity }).IsUnique();
            b.HasIndex(x => new { x.ObjectType, x.CaseStartedAt });
            b.HasIndex(x => x.OrderId);
        });
        builder.Entity<CaseSummary>(b =>
        {
            b.ToTable("cases", schema);
            b.HasKey(x => x.CaseId);
            b.Property(x => x.ObjectType).HasMaxLength(20).IsRequired();
            b.Property(x => x.Label).HasMaxLength(EventLogEntry.MaxCaseLabelLength);
            b.Property(x => x.FirstActivity).HasMaxLength(120).IsRequired();
            b.Property(x => x.LastActivity).HasMaxLength(120).IsRequired();
            b.Property(x => x.Variant).IsRequired();
            b.HasIndex(x => new { x.ObjectType, x.StartedAt });
        });
        builder.Entity<EdgeStat>(b =>
        {
            b.ToTable("edge_stats", schema);
            b.HasKey(x => new { x.CaseMonth, x.Partnered, x.FromActivity, x.ToActivity, x.Seconds });
            b.Property(x => x.FromActivity).HasMaxLength(120);
            b.Property(x => x.ToActivity).HasMaxLength(120);
        });
        builder.ConfigureEventTables(schema);
    }
}
