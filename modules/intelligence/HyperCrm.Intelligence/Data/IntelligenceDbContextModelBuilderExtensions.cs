using HyperCrm.Framework.Data;
using HyperCrm.Intelligence.Agents;
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
        builder.Entity<AgentSession>(b =>
        {
            b.ToTable("agent_sessions", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.StepId).HasMaxLength(40).IsRequired();
            b.Property(x => x.RuleName).HasMaxLength(200).IsRequired();
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Answer).HasMaxLength(AgentSession.MaxAnswerLength);
            b.Property(x => x.Failure).HasMaxLength(AgentSession.MaxFailureLength);
            b.Property(x => x.Model).HasMaxLength(100);
            // The transcript is the session's own (read-only outside): stored from its private field.
            b.Ignore(x => x.Entries);
            b.Ignore(x => x.OpenCalls);
            b.Ignore(x => x.Outcomes);
            b.Property<List<Agents.AgentEntry>>("_entries").HasColumnName("entries").HasColumnType("jsonb").HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, AgentJson.Options),
                v => System.Text.Json.JsonSerializer.Deserialize<List<Agents.AgentEntry>>(v,
                    AgentJson.Options) ?? new List<Agents.AgentEntry>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Agents.AgentEntry>>(
                    (a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
            // One agent per run and step: executing the step again finds its session.
            b.HasIndex(x => new { x.RunId, x.StepId }).IsUnique();
        });
        builder.ConfigureEventTables(schema);
    }
}
