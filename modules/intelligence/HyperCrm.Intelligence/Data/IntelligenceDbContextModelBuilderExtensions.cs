using HyperCrm.Framework.Data;
using HyperCrm.Intelligence.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Data;

public static class IntelligenceDbContextModelBuilderExtensions
{
    public static void ConfigureIntelligence(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = IntelligenceDbContext.DbSchema;
        builder.Entity<RiskModel>(b =>
        {
            b.ToTable("risk_models", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.TrainedOn).HasMaxLength(80).IsRequired();
            b.HasIndex(x => x.Version).IsUnique();
            // At most one model scores orders at a time.
            b.HasIndex(x => x.Promoted).IsUnique().HasFilter("promoted");
        });
        builder.Entity<OrderRiskScore>(b =>
        {
            b.ToTable("order_risk_scores", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.Inputs).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.Reasons).HasColumnType("jsonb").IsRequired();
            b.HasIndex(x => new { x.OrderId, x.At });
        });
        builder.Entity<RiskLabel>(b =>
        {
            b.ToTable("risk_labels", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.DecidedBy).HasMaxLength(200).IsRequired();
            b.Property(x => x.Reason).HasMaxLength(RiskLabel.MaxReasonLength);
            b.Property(x => x.Inputs).HasColumnType("jsonb").IsRequired();
            b.HasIndex(x => new { x.OrderId, x.At });
        });
        builder.Entity<MessageTriage>(b =>
        {
            b.ToTable("message_triages", schema);
            b.Property(x => x.Intent).HasMaxLength(20).IsRequired();
            b.Property(x => x.Sentiment).HasMaxLength(20).IsRequired();
            b.Property(x => x.Language).HasMaxLength(8).IsRequired();
            b.Property(x => x.Model).HasMaxLength(40).IsRequired();
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.MessageId).IsUnique();
        });
        builder.ConfigureEventTables(schema);
    }
}
