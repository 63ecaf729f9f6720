using HyperCrm.Framework.Events;

namespace HyperCrm.Automation.Runs;

/// <summary>A rule's run finished every step. Not a trigger for rules (a rule reacting to runs could loop); for the console and
/// analytics.</summary>
[EventName("automation.run.completed", IsTrigger = false)]
public sealed record RunCompletedEto(Guid RunId, Guid RuleId, string RuleName, int VersionNumber, string? SubjectKind, Guid? SubjectId,
    DateTimeOffset FinishedAt);
