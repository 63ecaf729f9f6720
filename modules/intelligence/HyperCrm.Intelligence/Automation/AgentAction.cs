using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Agents;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.agent</c>: a language model works toward the step's goal with the catalog actions the rule grants it as tools,
/// each call checked, logged on the run and run with the key <c>run:step:c{n}</c>; the tools listed as needing approval
/// wait for a person first. It fails (no model, a model error, a loop, a spent budget) without failing the run: later steps
/// read <c>steps.{id}.succeeded</c> and take the rule's fallback path — unless <c>on_failure</c> is <c>fail</c>.
/// </summary>
public sealed class AgentAction(AgentRunner runner) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("ai.agent", "intelligence",
        "Let an AI agent reach a goal with the tools you grant it, every call logged", true,
    [
        new("goal", FieldType.Text, true, "what the agent should achieve, with the run's data",
            "The customer wrote about order #{{order.number}}: {{message.text}}. Read the order and its timeline, draft a reply."),
        new("tools", FieldType.Text, true, "the catalog actions it may call, comma-separated") { ActionList = true },
        new("approval_tools", FieldType.Text, false, "tools a person must approve before each call") { ActionList = true },
        new("max_turns", FieldType.Number, false, $"model turns at most (1–{AgentBrief.MaxTurnsLimit}, default {AgentBrief.DefaultTurns})",
            "6"),
        new("seconds", FieldType.Number, false, $"time budget in seconds (5–{AgentBrief.MaxSeconds}, default {AgentBrief.DefaultSeconds})",
            "60"),
        new("tokens", FieldType.Number, false, $"token budget (default {AgentBrief.DefaultTokens})", "20000"),
        new("on_failure", FieldType.Text, false, "continue (later steps read steps.<id>.succeeded) or fail (the step fails)",
            "continue"),
    ])
    {
        Outputs =
        [
            new("succeeded", FieldType.Boolean, "true when the agent reached an answer"),
            new("answer", FieldType.Text, "the agent's closing summary"),
            new("failure", FieldType.Text, "why it stopped without an answer (no model, a loop, a budget spent…)"),
            new("turns", FieldType.Number, "model turns taken"),
            new("tool_calls", FieldType.Number, "tool calls that ran"),
            new("tokens", FieldType.Number, "tokens used"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var brief = Brief(context);
        var outcome = await runner.RunAsync(context, brief, cancellationToken);
        var trace = outcome.Trace(context.IdempotencyKey);
        var session = outcome.Session;
        if (outcome.Wait is { } wait)
            return new ActionResult(Message.Of("Intelligence:Agent:Waits", ("turns", session.Turns)), outcome.Outputs) { Wait = wait,
                Trace = trace };
        if (session.State == AgentState.Succeeded)
            return new ActionResult(Message.Of("Intelligence:Agent:Done", ("turns", session.Turns),
                ("calls", outcome.Outputs["tool_calls"]), ("tokens", session.Tokens)), outcome.Outputs) { Trace = trace };
        if (brief.FailRun) throw new PermanentActionException($"The agent stopped: {session.Failure}.") { Trace = trace };
        return new ActionResult(Message.Of("Intelligence:Agent:FellBack", ("reason", session.Failure)), outcome.Outputs) { Trace = trace };
    }

    private static AgentBrief Brief(ActionContext context)
    {
        var goal = context.Text("goal") ?? throw new PermanentActionException("The agent has no goal.");
        var tools = ActionParameter.ActionNames(context.Text("tools"));
        if (tools.Count == 0) throw new PermanentActionException("The agent was granted no tools.");
        var onFailure = context.Text("on_failure") ?? "continue";
        if (onFailure is not ("continue" or "fail"))
            throw new PermanentActionException($"'{onFailure}' is not a way to fail: continue or fail.");
        return new AgentBrief(goal.Length > 4000 ? goal[..4000] : goal, tools,
            ActionParameter.ActionNames(context.Text("approval_tools")),
            (int)Bounded(context, "max_turns", AgentBrief.DefaultTurns, 1, AgentBrief.MaxTurnsLimit),
            TimeSpan.FromSeconds((double)Bounded(context, "seconds", AgentBrief.DefaultSeconds, 5, AgentBrief.MaxSeconds)),
            (long)Bounded(context, "tokens", AgentBrief.DefaultTokens, 500, AgentBrief.MaxTokens), onFailure == "fail");
    }

    private static decimal Bounded(ActionContext context, string name, decimal fallback, decimal min, decimal max)
    {
        var value = context.Number(name) ?? fallback;
        return value < min || value > max
            ? throw new PermanentActionException($"'{name}' must be between {min} and {max}, not {value}.")
            : decimal.Truncate(value);
    }

}
