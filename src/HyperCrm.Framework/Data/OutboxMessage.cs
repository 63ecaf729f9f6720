namespace HyperCrm.Framework.Data;

/// <summary>A distributed event written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string EventName { get; set; } = string.Empty;
    public string Payload { get; set; } = "{}";
    public DateTimeOffset OccurredAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>How many automated reactions led to this event (0: a person or a partner caused it); see <see
    /// cref="HyperCrm.Framework.Events.EventCausation"/>.</summary>
    public int CausationDepth { get; set; }

    /// <summary>The W3C trace context of the work that raised the event (null when nothing traced it): its consumers'
    /// spans join that trace.</summary>
    public string? TraceParent { get; set; }
}
