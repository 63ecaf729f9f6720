using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Intelligence.Drafting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Intelligence.Agents;

/// <summary>
/// Drives an agent through its step: asks the model for a turn, checks each tool call it wants against the leash (granted
/// tools, the tool's schema, records shown, no repeats), opens a person's approval where the rule asks for one (the run
/// waits, and the step goes on from here once decided), runs the rest through the catalog with the key
/// <c>run:step:c{n}</c>, and feeds the results back as data. The transcript is saved after every turn and call.
/// With no model, a model that fails or misbehaves, or a spent budget, the agent fails with the reason, and the rule's
/// own fallback takes over.
/// </summary>
public sealed class AgentRunner(IntelligenceDbContext db, IChatModelSource models, IAutomationToolbox toolbox, TimeProvider clock,
    ILogger<AgentRunner> logger)
{
    /// <summary>Refusals after which the agent is stopped: it keeps asking for what it may not do.</summary>
    public const int MaxRefusals = 3;

    public async Task<AgentOutcome> RunAsync(ActionContext context, AgentBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(brief);
        var session = await db.AgentSessions.FirstOrDefaultAsync(s => s.RunId == context.RunId && s.StepId == context.StepId,
            cancellationToken);
        if (session is null)
        {
            session = new AgentSession(Guid.CreateVersion7(), context.RunId, context.StepId, context.RuleName, clock.GetUtcNow());
            db.AgentSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (session.IsFinished) return new AgentOutcome(session, null);
        var started = clock.GetUtcNow();
        var guard = new AgentGuard(context.SubjectId, context.Data);
        foreach (var done in session.Outcomes.Where(o =>
            o.Status == AgentCallStatus.Done && o.Result is not null)) guard.Learn(done.Result!);
        var remaining = brief.TimeBudget - TimeSpan.FromMilliseconds(session.ElapsedMs);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1));
        WaitRequest? wait = null;
        try
        {
            wait = await WorkAsync(context, brief, session, guard, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            session.Fail($"it ran out of its {brief.TimeBudget.TotalSeconds:0} s", clock.GetUtcNow());
        }
        session.Spend(clock.GetUtcNow() - started, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new AgentOutcome(session, wait);
    }

    private async Task<WaitRequest?> WorkAsync(ActionContext context, AgentBrief brief, AgentSession session, AgentGuard guard,
        CancellationToken cancellationToken)
    {
        if (session.State == AgentState.AwaitingApproval)
        {
            var waiting = await DecideAsync(context, brief, session, guard, cancellationToken);
            if (waiting is not null) return waiting;
        }
        ChatModel? model = null;
        while (!session.IsFinished)
        {
            foreach (var call in session.OpenCalls)
            {
                var approval = await CallAsync(context, brief, session, guard, call, cancellationToken);
                if (approval is not null) return approval;
                if (session.IsFinished) return null;
            }
            if (session.Tokens >= brief.TokenBudget)
            {
                session.Fail($"it used its budget of {brief.TokenBudget} tokens", clock.GetUtcNow());
                return null;
            }
            if (session.Turns >= brief.MaxTurns)
            {
                session.Fail($"it used all {brief.MaxTurns} turns without finishing", clock.GetUtcNow());
                return null;
            }
            model ??= await models.GetAsync(cancellationToken);
            if (model is null)
            {
                session.Fail("no language model is configured", clock.GetUtcNow());
                return null;
            }
            await AskAsync(model, context, brief, session, cancellationToken);
        }
        return null;
    }

    /// <summary>One model turn, saved; a turn with no tool call is the agent's answer.</summary>
    private async Task AskAsync(ChatModel model, ActionContext context, AgentBrief brief, AgentSession session,
        CancellationToken cancellationToken)
    {
        var tools = toolbox.Describe(brief.Granted);
        var options = new ChatOptions
        {
            Tools = AgentPrompt.Tools(tools, brief.ApprovalTools.ToHashSet(StringComparer.Ordinal)), ToolMode = ChatToolMode.Auto,
            MaxOutputTokens = (int)Math.Min(4000, Math.Max(256, brief.TokenBudget - session.Tokens)), Temperature = 0,
        };
        var started = clock.GetUtcNow();
        ChatResponse response;
        try
        {
            using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            turn.CancelAfter(model.Timeout);
            response = await model.Client.GetResponseAsync(AgentPrompt.Conversation(brief, context.SubjectKind, context.SubjectId, session),
                options, turn.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            session.Fail($"the language model took longer than {model.Timeout.TotalSeconds:0.#} s", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The endpoint's answer (or its absence) is the model's failure, never the run's: the rule's fallback takes over.
            logger.LogWarning("The agent of run {Run} step {Step}: the language model failed ({Error})", context.RunId, context.StepId,
                ex.GetType().Name);
            session.Fail($"the language model failed ({ex.GetType().Name})", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var next = session.CallCount;
        var calls = contents.OfType<FunctionCallContent>().Select(c => new AgentCall(++next, c.CallId ?? $"call{next}",
            AgentPrompt.ToolName(c.Name), JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AgentJson.Options)))
            .ToList();
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text)).Trim();
        session.RecordTurn(text.Length == 0 ? null : text, calls, response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0,
            model.Name, started, clock.GetUtcNow());
        if (calls.Count == 0)
        {
            if (text.Length == 0) session.Fail("the language model answered nothing", clock.GetUtcNow());
            else session.Succeed(text, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// One call, checked before anything runs: granted, records shown, not a repeat, the tool's schema; then asked of a person
    /// (returns the wait) or run. Saved with its outcome.
    /// </summary>
    private async Task<WaitRequest?> CallAsync(ActionContext context, AgentBrief brief, AgentSession session, AgentGuard guard,
        AgentCall call, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var arguments = AgentPrompt.Arguments(call.Arguments);
        var signature = AgentGuard.Signature(call.Tool, call.Arguments);
        string? refusal = !brief.Granted.Contains(call.Tool)
            ? $"the tool '{call.Tool}' is not one this step may use"
            : guard.Unknown(arguments) is { } unknown
                ? $"the record {unknown} was never shown to the agent"
                : toolbox.Validate(call.Tool, arguments);
        if (refusal is null && session.Outcomes.Any(o => o.Status == AgentCallStatus.Done
                && AgentGuard.Signature(o.Tool!, o.Arguments ?? "{}") == signature))
        {
            Record(session, call, AgentCallStatus.Refused, "the same call was already made", started);
            session.Fail($"it repeated the same call ({call.Tool}): a loop", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        if (refusal is not null)
        {
            Record(session, call, AgentCallStatus.Refused, refusal, started);
            if (session.Outcomes.Count(o => o.Status == AgentCallStatus.Refused) >= MaxRefusals)
                session.Fail($"it kept asking for what it may not do ({MaxRefusals} refusals)", clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        if (brief.ApprovalTools.Contains(call.Tool))
        {
            var asked = await AskApprovalAsync(context, brief, call, cancellationToken);
            if (asked.Wait is not { } approval)
            {
                Record(session, call, AgentCallStatus.Failed, asked.Error ?? asked.Refusal ?? "no approval could be opened", started);
                await db.SaveChangesAsync(CancellationToken.None);
                return null;
            }
            session.AwaitApproval(call, approval.CorrelationId, Message.Of("Intelligence:Agent:AwaitsApproval", ("tool", call.Tool)),
                clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return approval with { ReturnHere = true };
        }
        await RunToolAsync(context, brief, session, guard, call, started, cancellationToken);
        return null;
    }

    private async Task RunToolAsync(ActionContext context, AgentBrief brief, AgentSession session, AgentGuard guard, AgentCall call,
        DateTimeOffset started, CancellationToken cancellationToken)
    {
        var result = await toolbox.CallAsync(context, brief.Granted, $"c{call.No}", call.Tool, AgentPrompt.Arguments(call.Arguments),
            cancellationToken);
        if (result.Succeeded)
        {
            var json = AgentGuard.Redact(result.Outputs);
            guard.Learn(json);
            session.RecordCall(call, AgentCallStatus.Done, json == "{}" ? """{"ok":true}""" : json,
                result.Summary ?? Message.Of("Intelligence:Agent:ToolDone", ("tool", call.Tool)), started, clock.GetUtcNow());
        }
        else
        {
            Record(session, call, result.Refusal is null ? AgentCallStatus.Failed : AgentCallStatus.Refused,
                result.Refusal ?? result.Error!,
                started);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// The person's decision on the pending call, from the run's data: approved runs it, rejected (or nobody in time) tells the
    /// model so. Returns the wait again when the decision is not in yet (the step executed again before it came).
    /// </summary>
    private async Task<WaitRequest?> DecideAsync(ActionContext context, AgentBrief brief, AgentSession session, AgentGuard guard,
        CancellationToken cancellationToken)
    {
        var call = session.Entries.Last(e => e.Kind == "turn").Calls.First(c => c.No == session.PendingCall);
        var decided = context.Data.GetValueOrDefault("approval.id")?.ToString() == session.PendingApprovalId?.ToString();
        var started = clock.GetUtcNow();
        if (decided && bool.TryParse(context.Data.GetValueOrDefault("approval.approved")?.ToString(), out var approved))
        {
            if (approved)
            {
                await RunToolAsync(context, brief, session, guard, call, started, cancellationToken);
                return null;
            }
            var comment = context.Data.GetValueOrDefault("approval.comment")?.ToString();
            Record(session, call, AgentCallStatus.Rejected,
                $"a person rejected this call{(string.IsNullOrWhiteSpace(comment) ? "" : ": " + comment)}",
                started);
        }
        else if (context.Data.GetValueOrDefault("wait.timed_out")?.ToString() is "True" or "true")
        {
            Record(session, call, AgentCallStatus.Rejected, "nobody approved this call in time", started);
        }
        else
        {
            // Executed again before the decision came (a crash after the approval opened): the same key finds the same approval.
            var asked = await AskApprovalAsync(context, brief, call, cancellationToken);
            return asked.Wait is { } wait ? wait with { ReturnHere = true } : null;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return null;
    }

    private Task<ToolCallResult> AskApprovalAsync(ActionContext context, AgentBrief brief, AgentCall call,
        CancellationToken cancellationToken) =>
        toolbox.RequestApprovalAsync(context, $"c{call.No}:approval",
            $"An agent of the rule \"{context.RuleName}\" asks to run {call.Tool}",
            $"Arguments: {call.Arguments}\nGoal: {brief.Goal}", cancellationToken);

    private void Record(AgentSession session, AgentCall call, AgentCallStatus status, string reason, DateTimeOffset started)
    {
        var key = status switch
        {
            AgentCallStatus.Refused => "Intelligence:Agent:ToolRefused",
            AgentCallStatus.Rejected => "Intelligence:Agent:ToolRejected",
            _ => "Intelligence:Agent:ToolFailed",
        };
        var field = status == AgentCallStatus.Failed ? "error" : status == AgentCallStatus.Rejected ? "rejected" : "refused";
        session.RecordCall(call, status, JsonSerializer.Serialize(new Dictionary<string, string> { [field] = reason }, AgentJson.Options),
            Message.Of(key, ("tool", call.Tool), ("reason", reason)), started, clock.GetUtcNow());
    }
}
