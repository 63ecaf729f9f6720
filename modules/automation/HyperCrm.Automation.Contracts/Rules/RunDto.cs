namespace HyperCrm.Automation.Rules;

public sealed record RunDto(
    Guid Id, Guid RuleId, string RuleName, Guid VersionId, int Version, RunState State, string Trigger, Guid? EventId, string? SubjectKind,
        Guid? SubjectId,
    string Summary, int Depth, string? CurrentStepId, int Attempt, DateTimeOffset? NextAttemptAt, string? WaitingFor, string? LastError,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyDictionary<string, object?> Data, IReadOnlyList<RunStepDto> Steps);
