using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Domain.Runs;

/// <summary>One logged step of a run: what was done with which inputs, the outcome, timing, and the reason.</summary>
public sealed class RunStep : Entity<Guid>
{
    public Guid RunId { get; private set; }
    public int Seq { get; private set; }
    public string StepId { get; private set; } = string.Empty;
    public string Kind { get; private set; } = string.Empty;
    public string? Action { get; private set; }
    public StepState State { get; private set; }
    public int Attempt { get; private set; }
    public string? Input { get; private set; }
    public string? Output { get; private set; }
    /// <summary>Why, or what came of it: the engine's or the action's message, or a rule's label.</summary>
    public Message? Reason { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? IdempotencyKey { get; private set; }

    private RunStep() { }

    internal RunStep(Guid id, Guid runId, int seq, string stepId, string kind, string? action, StepState state, int attempt, string? input,
        string? output,
        Message? reason, string? error, DateTimeOffset startedAt, DateTimeOffset? finishedAt, string? idempotencyKey)
        : base(id)
    {
        RunId = runId;
        Seq = seq;
        StepId = stepId;
        Kind = kind;
        Action = action;
        State = state;
        Attempt = attempt;
        Input = Cut(input, 4000);
        Output = Cut(output, 4000);
        Reason = reason?.Limit(2000);
        Error = Cut(error, 2000);
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        IdempotencyKey = idempotencyKey;
    }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
