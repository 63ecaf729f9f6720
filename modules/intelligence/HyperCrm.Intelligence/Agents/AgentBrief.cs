namespace HyperCrm.Intelligence.Agents;

/// <summary>
/// What a rule's agent step asks: the goal (rendered from the run's data), the tools it may use and those a person must
/// approve first, and its limits (model turns, seconds, tokens); <see cref="FailRun"/> fails the step instead of handing
/// the run on to the rule's own fallback.
/// </summary>
public sealed record AgentBrief(string Goal, IReadOnlyList<string> Tools, IReadOnlyList<string> ApprovalTools, int MaxTurns,
    TimeSpan TimeBudget, long TokenBudget, bool FailRun)
{
    public const int DefaultTurns = 6;
    public const int MaxTurnsLimit = 20;
    public const int DefaultSeconds = 60;

    /// <summary>Below the engine's lease of a run (two minutes), so no other worker takes the run over mid-agent.</summary>
    public const int MaxSeconds = 90;

    public const long DefaultTokens = 20_000;
    public const long MaxTokens = 200_000;

    /// <summary>Every tool granted, those needing approval included.</summary>
    public IReadOnlyList<string> Granted { get; } = Tools.Concat(ApprovalTools).Distinct(StringComparer.Ordinal).ToList();
}
