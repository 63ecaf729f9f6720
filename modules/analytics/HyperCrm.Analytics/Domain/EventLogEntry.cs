namespace HyperCrm.Analytics.Domain;

/// <summary>
/// One entry of the process-mining event log: in case <see cref="CaseId"/> (an object of <see cref="ObjectType"/>: an order,
/// a deal, a customer, a rule's run, a rule or a bot), <see cref="Activity"/> happened at <see cref="OccurredAt"/>, done by
/// <see cref="Resource"/> of <see cref="ResourceKind"/>, taking <see cref="DurationMs"/> when known. <see cref="OrderId"/> and
/// <see cref="CustomerId"/> relate it to the order and customer it concerns (OCEL's relations); <see cref="PartnerId"/> is
/// the order's partner (the segment, and what a partner may export). Written by <c>EventLogWriter</c>, never changed.
/// </summary>
public sealed class EventLogEntry
{
    public Guid Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public long Seq { get; private set; }
    public string ObjectType { get; private set; } = string.Empty;
    public Guid CaseId { get; private set; }
    public string? CaseLabel { get; private set; }
    public string Activity { get; private set; } = string.Empty;
    public string? Resource { get; private set; }
    public string ResourceKind { get; private set; } = string.Empty;
    public long? DurationMs { get; private set; }
    public string? Outcome { get; private set; }
    public Guid? OrderId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string Source { get; private set; } = string.Empty;

    /// <summary>The case's step before this one (null: its first), and when: the directly-follows edge into this step, kept on
    /// the row so the process map is a single aggregate, not a sort of the whole log.</summary>
    public string? PrevActivity { get; private set; }

    public DateTimeOffset? PrevAt { get; private set; }

    /// <summary>When the case began: the period filter of the map without a join.</summary>
    public DateTimeOffset CaseStartedAt { get; private set; }

    public const int MaxCaseLabelLength = 40;

    private EventLogEntry() { }

    public EventLogEntry(Guid id, DateTimeOffset occurredAt, string objectType, Guid caseId, string? caseLabel, string activity,
        string? resource, string resourceKind, long? durationMs, string? outcome, Guid? orderId, Guid? customerId, Guid? partnerId,
        string source)
    {
        Id = id;
        OccurredAt = occurredAt.ToUniversalTime();
        ObjectType = objectType;
        CaseId = caseId;
        // A rule's or a customer's name can be longer than the label keeps: cut, with an ellipsis.
        CaseLabel = caseLabel is { Length: > MaxCaseLabelLength } label ? label[..(MaxCaseLabelLength - 1)] + "…" : caseLabel;
        Activity = activity.Length <= 120 ? activity : activity[..120];
        Resource = resource is { Length: > 200 } ? resource[..200] : resource;
        ResourceKind = resourceKind;
        DurationMs = durationMs;
        Outcome = outcome;
        OrderId = orderId;
        CustomerId = customerId;
        PartnerId = partnerId;
        Source = source;
    }
}
