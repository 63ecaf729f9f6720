using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Domain;

namespace HyperCrm.Intelligence.Agents;

/// <summary>Where an agent stands after its step ran: its session, and the approval the run must wait for, if any.</summary>
public sealed record AgentOutcome(AgentSession Session, WaitRequest? Wait)
{
    /// <summary>Every turn and call of the session as trace entries, keyed under the step's key (logged once each).</summary>
    public IReadOnlyList<ActionTraceEntry> Trace(string stepKey)
    {
        var trace = new List<ActionTraceEntry>();
        var turn = 0;
        foreach (var entry in Session.Entries)
        {
            if (entry.Kind == "turn")
            {
                turn++;
                var output = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["text"] = entry.Text is { Length: > 600 } long_ ? long_[..600] + "…" : entry.Text,
                    ["calls"] = entry.Calls.Select(c => c.Tool).ToList(),
                    ["tokens_in"] = entry.InputTokens, ["tokens_out"] = entry.OutputTokens,
                    ["ms"] = (long)(entry.FinishedAt - entry.StartedAt).TotalMilliseconds,
                }, AgentJson.Options);
                trace.Add(new ActionTraceEntry($"{stepKey}:t{turn}", "agent_turn", null, StepState.Succeeded, null, output,
                    entry.Calls.Count == 0
                        ? Message.Of("Intelligence:Agent:Answered", ("turn", turn), ("tokens", entry.InputTokens + entry.OutputTokens))
                        : Message.Of("Intelligence:Agent:Turn", ("turn", turn),
                            ("tools", string.Join(", ", entry.Calls.Select(c => c.Tool))),
                            ("tokens", entry.InputTokens + entry.OutputTokens)),
                    null, entry.StartedAt, entry.FinishedAt));
                continue;
            }
            var state = entry.Status switch
            {
                AgentCallStatus.Done => StepState.Succeeded,
                AgentCallStatus.AwaitingApproval => StepState.Waiting,
                AgentCallStatus.Refused => StepState.Refused,
                _ => StepState.Failed,
            };
            var key = $"{stepKey}:c{entry.No}" + (entry.Status == AgentCallStatus.AwaitingApproval ? ":approval" : string.Empty);
            trace.Add(new ActionTraceEntry(key, "agent_tool", entry.Tool, state, entry.Arguments, entry.Result, entry.Summary
                ?? Message.Of("Intelligence:Agent:ToolDone", ("tool", entry.Tool)), null, entry.StartedAt, entry.FinishedAt));
        }
        return trace;
    }

    /// <summary>What later steps read: <c>steps.{id}.succeeded</c>, <c>answer</c>, <c>failure</c>, <c>turns</c>,
    /// <c>tool_calls</c>, <c>tokens</c>.</summary>
    public IReadOnlyDictionary<string, object?> Outputs => new Dictionary<string, object?>
    {
        ["succeeded"] = Session.State == AgentState.Succeeded,
        ["answer"] = Session.Answer,
        ["failure"] = Session.Failure,
        ["turns"] = (decimal)Session.Turns,
        ["tool_calls"] = (decimal)Session.Outcomes.Count(o => o.Status == AgentCallStatus.Done),
        ["tokens"] = (decimal)Session.Tokens,
    };
}
