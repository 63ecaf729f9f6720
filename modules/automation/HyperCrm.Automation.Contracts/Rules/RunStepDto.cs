namespace HyperCrm.Automation.Rules;

/// <summary>
/// One logged step of a run: <see cref="Reason"/> is what came of it in the reader's language, <see cref="Label"/> the
/// note the rule's author gave the step in the version the run executes, <see cref="Output"/> its outputs as JSON.
/// </summary>
public sealed record RunStepDto(long Seq, string StepId, string Kind, string? Action, StepState State, int Attempt, string? Input,
    string? Output, string? Reason, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? IdempotencyKey)
{
    public string? Label { get; init; }
}
