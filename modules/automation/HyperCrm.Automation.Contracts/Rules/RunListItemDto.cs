namespace HyperCrm.Automation.Rules;

public sealed record RunListItemDto(Guid Id, Guid RuleId, string RuleName, int Version, RunState State, string? SubjectKind,
    Guid? SubjectId, string Summary, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? LastError);
