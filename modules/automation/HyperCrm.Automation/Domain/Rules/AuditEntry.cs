using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Domain.Rules;

/// <summary>Who changed what in automation: saves, publications, rollbacks, run retries and skips.</summary>
public sealed class AuditEntry : Entity<Guid>
{
    public Guid? RuleId { get; private set; }
    public Guid? RunId { get; private set; }
    public string Action { get; private set; } = string.Empty;
    public string UserName { get; private set; } = string.Empty;
    public string? Details { get; private set; }
    public DateTimeOffset At { get; private set; }

    private AuditEntry() { }

    public AuditEntry(Guid id, Guid? ruleId, Guid? runId, string action, string userName, string? details, DateTimeOffset at)
        : base(id)
    {
        RuleId = ruleId;
        RunId = runId;
        Action = action;
        UserName = userName;
        Details = details is { Length: > 2000 } ? details[..2000] : details;
        At = at;
    }
}
