using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Operations.Domain;

/// <summary>
/// One firing of a rule for one subject: fires once when the threshold has held for the rule's minutes, resolves when it
/// no longer holds, and is acknowledged by a person (firing or resolved). A new firing after it resolved is a new alert.
/// </summary>
public sealed class Alert : AggregateRoot<Guid>
{
    public const int MaxSubjectLength = 200;

    private Alert() { }

    public Alert(Guid id, AlertRule rule, string subject, double value, Message message, DateTimeOffset at) : base(id)
    {
        ArgumentNullException.ThrowIfNull(rule);
        RuleId = rule.Id;
        RuleName = rule.Name;
        Kind = rule.Kind;
        Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        Threshold = rule.Threshold;
        Value = value;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        FiredAt = at;
    }

    public Guid RuleId { get; private set; }
    public string RuleName { get; private set; } = string.Empty;
    public AlertKind Kind { get; private set; }
    public string Subject { get; private set; } = string.Empty;
    public double Threshold { get; private set; }
    public double Value { get; private set; }
    /// <summary>What was seen, worded in the reader's language when read.</summary>
    public Message Message { get; private set; } = Message.Verbatim(string.Empty);
    public DateTimeOffset FiredAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public int Notified { get; private set; }

    public bool IsFiring => ResolvedAt is null;

    /// <summary>The latest value while it fires (the page shows how bad it is now).</summary>
    public void Observe(double value)
    {
        if (IsFiring) Value = value;
    }

    public void Resolve(DateTimeOffset at)
    {
        if (!IsFiring) throw new BusinessException("Operations:AlertResolved", "The alert has already cleared.");
        ResolvedAt = at;
    }

    public void Acknowledge(string by, DateTimeOffset at)
    {
        if (AcknowledgedAt is not null) throw new BusinessException("Operations:AlertAcknowledged", "Someone has already acknowledged it.");
        AcknowledgedBy = by;
        AcknowledgedAt = at;
    }

    public void NotifiedPeople(int count) => Notified = count;
}
