namespace HyperCrm.Automation.Rules;

public sealed record RunStepDto(long Seq, string StepId, string Kind, string? Action, StepState State, int Attempt, string? Input,
    string? Output, string? Reason, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? IdempotencyKey);
