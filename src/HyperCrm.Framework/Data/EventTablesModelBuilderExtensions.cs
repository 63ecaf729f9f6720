using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Framework.Data;

/// <summary>
/// Maps a module's outbox, inbox and dead letters into the module's own schema. The same CLR types serve
/// every schema as shared-type entities named after the schema, so the host's migrations context can hold them all.
/// </summary>
public static class EventTablesModelBuilderExtensions
{
    public const int MaxEventNameLength = 256;
    public const int MaxConsumerLength = 512;
    public const int MaxTraceParentLength = 64;

    public static string OutboxEntityName(string schema) => $"{schema}.outbox_messages";
    public static string InboxEntityName(string schema) => $"{schema}.inbox_messages";
    public static string DeadLetterEntityName(string schema) => $"{schema}.dead_letters";

    public static void ConfigureEventTables(this ModelBuilder builder, string schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.SharedTypeEntity<OutboxMessage>(OutboxEntityName(schema), b =>
        {
            b.ToTable("outbox_messages", schema);
            // A queue inside a table that keeps its processed rows: vacuum after 1 % (not 20 %) of it changed, so the
            // queue index's entries of processed rows, which every drain's first claim walks past, stay few.
            b.HasStorageParameter("autovacuum_vacuum_scale_factor", 0.01);
            b.HasStorageParameter("autovacuum_vacuum_threshold", 1000);
            b.HasKey(x => x.Id);
            b.Property(x => x.EventName).HasMaxLength(MaxEventNameLength).IsRequired();
            b.Property(x => x.Payload).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.CausationDepth).HasDefaultValue(0);
            b.Property(x => x.TraceParent).HasMaxLength(MaxTraceParentLength);
            // The dispatcher's queue, in the order it claims rows: only unprocessed rows, so the claim does not walk past
            // the processed ones kept for the retention period.
            b.HasIndex(x => new { x.NextAttemptAt, x.Id }).HasFilter("processed_at IS NULL");
            // For the retention cleanup only; partial, so the planner cannot take it for the queue's "processed_at IS NULL".
            b.HasIndex(x => x.ProcessedAt).HasFilter("processed_at IS NOT NULL");
        });
        builder.SharedTypeEntity<InboxMessage>(InboxEntityName(schema), b =>
        {
            b.ToTable("inbox_messages", schema);
            b.HasKey(x => new { x.EventId, x.Consumer });
            b.Property(x => x.Consumer).HasMaxLength(MaxConsumerLength);
            b.HasIndex(x => x.ProcessedAt);
        });
        builder.SharedTypeEntity<DeadLetter>(DeadLetterEntityName(schema), b =>
        {
            b.ToTable("dead_letters", schema);
            b.HasKey(x => x.Id);
            b.Property(x => x.EventName).HasMaxLength(MaxEventNameLength).IsRequired();
            b.Property(x => x.Consumer).HasMaxLength(MaxConsumerLength);
            b.Property(x => x.Payload).HasColumnType("jsonb").IsRequired();
            b.HasIndex(x => x.EventId);
        });
    }
}
