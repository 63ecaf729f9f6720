using HyperCrm.Framework.Events;

namespace HyperCrm.Automation.Runs;

/// <summary>A rule's run gave up on a step: an operator retries it, skips it or lets it be. Not a trigger for rules (a rule reacting to
/// runs could loop); for the console and analytics.</summary>
[EventName("automation.run.dead_lettered", IsTrigger = false)]
public sealed record RunDeadLetteredEto(Guid RunId, Guid RuleId, string RuleName, int VersionNumber, string? SubjectKind, Guid? SubjectId,
    string StepId, int Attempts, string Error, DateTimeOffset At);
