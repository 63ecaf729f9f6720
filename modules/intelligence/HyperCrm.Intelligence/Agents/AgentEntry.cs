using HyperCrm.Framework.Localization;

namespace HyperCrm.Intelligence.Agents;

/// <summary>
/// One entry of an agent's transcript, as stored: a model turn (its text, the calls it asked for, the tokens it used) or a
/// tool call's outcome (what came back to the model, and how it went: <see cref="AgentCallStatus"/>). The transcript is the
/// agent's memory across executions of its step: after an approval or a crash it goes on from here, asking nothing twice.
/// </summary>
public sealed record AgentEntry
{
    public int Seq { get; init; }

    /// <summary>"turn" or "call".</summary>
    public string Kind { get; init; } = "turn";

    public string? Text { get; init; }
    public IReadOnlyList<AgentCall> Calls { get; init; } = [];
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }

    /// <summary>The call's number in the session (a call entry).</summary>
    public int No { get; init; }
    public string? CallId { get; init; }
    public string? Tool { get; init; }
    public string? Arguments { get; init; }
    public AgentCallStatus Status { get; init; }

    /// <summary>The JSON the model is given back for the call.</summary>
    public string? Result { get; init; }

    /// <summary>What the tool said it did, or why the call did not run.</summary>
    public Message? Summary { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
}
