using HyperCrm.Framework.Events;

namespace HyperCrm.Automation.Runs;

/// <summary>A rule's run a step failed and will be retried. Not a trigger for rules (a rule reacting to runs could loop); for the console
/// and analytics.</summary>
[EventName("automation.run.failed", IsTrigger = false)]
public sealed record RunFailedEto(Guid RunId, Guid RuleId, string RuleName, int VersionNumber, string? SubjectKind, Guid? SubjectId,
    string StepId, int Attempt, string Error, DateTimeOffset RetryAt);
