using System.Text.Json;
using HyperCrm.Automation.Domain.Rules;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HyperCrm.Automation.Data;

public static class AutomationDbContextModelBuilderExtensions
{
    private const string Schema = AutomationDbProperties.DbSchema;

    /// <summary>Definitions and data as JSON (web naming, enums as their wire names) in jsonb columns.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Run logs show Cyrillic names as they are; pages and jsonb both escape what they need to.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static void ConfigureAutomation(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var definitionComparer = new ValueComparer<RuleDefinitionDto>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v);
        var dataComparer = new ValueComparer<Dictionary<string, object?>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v);
        builder.Entity<Rule>(b =>
        {
            b.ToTable("rules", Schema);
            b.Property(x => x.Name).HasMaxLength(Rule.MaxNameLength).IsRequired();
            b.Property(x => x.Description).HasMaxLength(1000);
            b.Property(x => x.PlaybookKey).HasMaxLength(80);
            b.Property(x => x.ActiveTrigger).HasMaxLength(120);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.Draft).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<RuleDefinitionDto>(v,
                    Json) ?? new RuleDefinitionDto(), definitionComparer);
            b.HasIndex(x => x.Name).IsUnique();
            b.HasIndex(x => x.PlaybookKey).IsUnique().HasFilter("playbook_key IS NOT NULL");
            b.HasIndex(x => x.ActiveTrigger).HasFilter("is_enabled");
        });
        builder.Entity<RuleVersion>(b =>
        {
            b.ToTable("rule_versions", Schema);
            b.Property(x => x.PublishedBy).HasMaxLength(200).IsRequired();
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.Definition).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<RuleDefinitionDto>(v,
                    Json) ?? new RuleDefinitionDto(), definitionComparer);
            b.HasIndex(x => new { x.RuleId, x.Number }).IsUnique();
        });
        builder.Entity<Run>(b =>
        {
            b.ToTable("runs", Schema);
            // A batch of events starts many runs at once; their rows (and steps, events) are copied, not inserted one by one.
            b.IsBulkCopied();
            b.Property(x => x.RuleName).HasMaxLength(Rule.MaxNameLength).IsRequired();
            b.Property(x => x.Trigger).HasMaxLength(120).IsRequired();
            b.Property(x => x.SubjectKind).HasMaxLength(40);
            b.Property(x => x.Summary).HasRequiredMessageConversion();
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.CurrentStepId).HasMaxLength(40);
            b.Property(x => x.TraceParent).HasMaxLength(EventTablesModelBuilderExtensions.MaxTraceParentLength);
            b.Property(x => x.WaitTrigger).HasMaxLength(120);
            b.Property(x => x.LastError).HasMessageConversion();
            b.Property(x => x.Undo).HasMaxLength(4200);
            b.Property(x => x.Ending).HasConversion<string>().HasMaxLength(16);
            // The data is the run's own (read-only outside): stored from its private field.
            b.Ignore(x => x.Data);
            b.Property<Dictionary<string, object?>>("_data").HasColumnName("data").HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<Dictionary<string, object?>>(v,
                    Json) ?? new Dictionary<string, object?>(), dataComparer);
            // The lease on NextAttemptAt (below) is the run's concurrency control, not the aggregate's stamp.
            b.Ignore(x => x.ConcurrencyStamp);
            // The worker's queue: runs due now (pending, retrying, a delay or a wait's timeout). Also the worker's
            // lease: whoever writes a run expects the next attempt time it read, so two writers never both win.
            b.Property(x => x.NextAttemptAt).IsConcurrencyToken();
            b.HasIndex(x => x.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
            b.HasIndex(x => new { x.WaitTrigger, x.WaitCorrelation }).HasFilter("wait_trigger IS NOT NULL");
            b.HasIndex(x => new { x.RuleId, x.StartedAt });
            b.HasIndex(x => new { x.State, x.StartedAt });
            b.HasIndex(x => x.SubjectId);
            // One run per rule and event: a redelivered event cannot start a second one.
            b.HasIndex(x => new { x.RuleId, x.EventId }).IsUnique().HasFilter("event_id IS NOT NULL");
        });
        builder.Entity<RunStep>(b =>
        {
            b.ToTable("run_steps", Schema);
            b.IsBulkCopied();
            b.Property(x => x.StepId).HasMaxLength(40).IsRequired();
            b.Property(x => x.Kind).HasMaxLength(20).IsRequired();
            b.Property(x => x.Action).HasMaxLength(80);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Input).HasMaxLength(4000);
            b.Property(x => x.Output).HasMaxLength(4000);
            b.Property(x => x.Reason).HasMessageConversion();
            b.Property(x => x.Error).HasMaxLength(2000);
            b.Property(x => x.IdempotencyKey).HasMaxLength(120);
            b.HasIndex(x => new { x.RunId, x.Seq }).IsUnique();
        });
        builder.Entity<EventRecord>(b =>
        {
            b.ToTable("event_log", Schema);
            b.IsBulkCopied();
            b.Property(x => x.Trigger).HasMaxLength(120).IsRequired();
            b.Property(x => x.SubjectKind).HasMaxLength(40);
            b.Property(x => x.Summary).HasRequiredMessageConversion();
            b.Property(x => x.Values).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<Dictionary<string, object?>>(v,
                    Json) ?? new Dictionary<string, object?>(), dataComparer);
            b.HasIndex(x => new { x.Trigger, x.OccurredAt });
            b.HasIndex(x => x.SubjectId);
        });
        builder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit", Schema);
            b.Property(x => x.Action).HasMaxLength(40).IsRequired();
            b.Property(x => x.UserName).HasMaxLength(200).IsRequired();
            b.Property(x => x.Details).HasMessageConversion();
            b.HasIndex(x => new { x.RuleId, x.At });
        });
        builder.ConfigureEventTables(Schema);
    }
}
