using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Domain.Runs;

/// <summary>An event the engine saw, kept for dry-runs and replays (what would a rule have done with it?).</summary>
public sealed class EventRecord : Entity<Guid>
{
    public string Trigger { get; private set; } = string.Empty;
    public DateTimeOffset OccurredAt { get; private set; }
    public string? SubjectKind { get; private set; }
    public Guid? SubjectId { get; private set; }
    public Message Summary { get; private set; } = Message.Verbatim(string.Empty);
    public Dictionary<string, object?> Values { get; private set; } = [];
    public int Depth { get; private set; }

    private EventRecord() { }

    public EventRecord(Guid id, string trigger, DateTimeOffset occurredAt, string? subjectKind, Guid? subjectId, Message summary,
        Dictionary<string, object?> values, int depth)
        : base(id)
    {
        Trigger = trigger;
        OccurredAt = occurredAt;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Summary = summary.Limit(RunLimits.MaxSummaryLength);
        Values = values;
        Depth = depth;
    }
}
