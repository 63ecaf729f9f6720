using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Domain.Rules;

/// <summary>Who changed what in automation: saves, publications, rollbacks, run retries and skips.</summary>
public sealed class AuditEntry : Entity<Guid>
{
    public Guid? RuleId { get; private set; }
    public Guid? RunId { get; private set; }

    /// <summary>
    /// What was done, as a key ("published", "step_skipped"); the text "Audit:{key}" of the Automation resource names it.
    /// </summary>
    public string Action { get; private set; } = string.Empty;
    public string UserName { get; private set; } = string.Empty;
    public Message? Details { get; private set; }
    public DateTimeOffset At { get; private set; }

    private AuditEntry() { }

    public AuditEntry(Guid id, Guid? ruleId, Guid? runId, string action, string userName, Message? details, DateTimeOffset at)
        : base(id)
    {
        RuleId = ruleId;
        RunId = runId;
        Action = action;
        UserName = userName;
        Details = details?.Limit(2000);
        At = at;
    }
}
