using HyperCrm.Activities.Messages;
using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Data;

public static class ActivitiesDbContextModelBuilderExtensions
{
    public static void ConfigureActivities(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = ActivitiesDbContext.DbSchema;
        builder.Entity<WorkTask>(b =>
        {
            b.ToTable("tasks", schema);
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.LinkKind).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.AssigneeName).HasMaxLength(256);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.SourceKey).HasMaxLength(120);
            b.HasIndex(x => new { x.AssigneeId, x.Status, x.DueDate });
            b.HasIndex(x => new { x.LinkKind, x.LinkId });
            b.HasIndex(x => x.SourceKey).IsUnique().HasFilter("source_key IS NOT NULL");
        });
        builder.Entity<Approval>(b =>
        {
            b.ToTable("approvals", schema);
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.Property(x => x.Details).HasMaxLength(2000);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.LinkKind).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.RequestedBy).HasMaxLength(200);
            b.Property(x => x.CorrelationKey).HasMaxLength(200);
            b.Property(x => x.DecidedBy).HasMaxLength(256);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.Status);
            b.HasIndex(x => x.CorrelationKey).IsUnique().HasFilter("correlation_key IS NOT NULL");
        });
        builder.Entity<Notification>(b =>
        {
            b.ToTable("notifications", schema);
            b.Property(x => x.Title).HasRequiredMessageConversion();
            b.Property(x => x.Url).HasMaxLength(300);
            b.Property(x => x.SourceKey).HasMaxLength(120);
            b.HasIndex(x => new { x.UserId, x.IsRead, x.CreatedAt });
            b.HasIndex(x => new { x.SourceKey, x.UserId }).IsUnique().HasFilter("source_key IS NOT NULL");
        });
        builder.Entity<Note>(b =>
        {
            b.ToTable("notes", schema);
            b.Property(x => x.Text).HasMaxLength(Note.MaxTextLength).IsRequired();
            b.Property(x => x.LinkKind).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.AuthorName).HasMaxLength(256);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => new { x.LinkKind, x.LinkId });
        });
        builder.Entity<InboundMessage>(b =>
        {
            b.ToTable("inbound_messages", schema);
            b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.FromEmail).HasMaxLength(254);
            b.Property(x => x.FromPhone).HasMaxLength(32);
            b.Property(x => x.FromName).HasMaxLength(200);
            b.Property(x => x.Subject).HasMaxLength(300);
            b.Property(x => x.Text).HasMaxLength(InboundMessageConsts.MaxTextLength).IsRequired();
            b.Property(x => x.ExternalId).HasMaxLength(200);
            b.Property(x => x.Intent).HasMaxLength(20);
            b.Property(x => x.Sentiment).HasMaxLength(20);
            b.Property(x => x.Language).HasMaxLength(8);
            b.Property(x => x.TriagedBy).HasMaxLength(40);
            b.Property(x => x.DraftReply).HasMaxLength(InboundMessageConsts.MaxTextLength);
            b.Property(x => x.DraftSource).HasMaxLength(80);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => new { x.Handled, x.ReceivedAt });
            b.HasIndex(x => x.CustomerId);
            // The mailbox's messages have no partner: one mail id is one message there too (NULLS NOT DISTINCT).
            b.HasIndex(x => new { x.PartnerId, x.ExternalId }).IsUnique().AreNullsDistinct(false).HasFilter("external_id IS NOT NULL");
        });
        builder.ConfigureEventTables(schema);
    }
}
