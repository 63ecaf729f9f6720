using System.Diagnostics;
using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Expressions;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Executes a run's program one instruction at a time and logs each decision with its reason. Side effects go
/// through catalog actions with the key <c>run:step</c>, so re-executing a step after a crash or a retry repeats no effect.
/// </summary>
public sealed class RunInterpreter(AutomationDbContext db, IServiceProvider services, AutomationActionMap actions, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AutomationOptions> options,
    ILogger<RunInterpreter> logger)
{
    private static readonly JsonSerializerOptions Json = AutomationDbContextModelBuilderExtensions.Json;

    /// <summary>Evaluates the start condition; false finishes the run as skipped with the values that decided it.</summary>
    public bool Start(Run run, CompiledRule rule)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rule);
        var now = clock.GetUtcNow();
        if (rule.Condition is not { } condition)
        {
            Log(run, "start", "condition", null, StepState.Decided, null, null, Message.Of("Automation:Run:NoCondition"), null, now);
            run.MarkRunning();
            return true;
        }
        var held = Evaluate(condition, run.Data, rule.Fields, out var error);
        var reason = error is null
            ? Message.Of(held ? "Automation:Run:ConditionHeld" : "Automation:Run:ConditionNotHeld", ("condition", condition.Text),
                ("values", condition.Explain(run.Data, rule.Fields)))
            : Message.Of("Automation:Run:ConditionError", ("condition", condition.Text), ("error", error));
        Log(run, "start", "condition", null, StepState.Decided, null, null, reason, null, now);
        if (!held)
        {
            run.Skip(reason, now);
            return false;
        }
        run.MarkRunning();
        return true;
    }

    /// <summary>Executes instructions until the run parks; inline (inside an event handler) it stops before the first side
    /// effect.</summary>
    public async Task<StepOutcome> ContinueAsync(Run run, CompiledRule rule, bool inline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rule);
        var before = run.State;
        try
        {
            for (var guard = 0; guard < rule.Program.Count + 2; guard++)
            {
                var outcome = await StepAsync(run, rule, inline, cancellationToken);
                if (outcome != StepOutcome.Continue) return outcome;
            }
            return StepOutcome.Parked;
        }
        finally
        {
            if (run.State != before && (run.IsFinished || run.State == RunState.DeadLettered))
                HyperTelemetry.Runs.Add(1, new KeyValuePair<string, object?>("outcome", run.State.ToString().ToLowerInvariant()));
        }
    }

    private async Task<StepOutcome> StepAsync(Run run, CompiledRule rule, bool inline, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (run.IsFinished || run.State == RunState.DeadLettered) return StepOutcome.Parked;
        if (run.IsCompensating) return inline ? StepOutcome.Parked : await CompensateAsync(run, rule, now, cancellationToken);
        if (run.Pc >= rule.Program.Count)
        {
            run.Complete(now);
            return StepOutcome.Parked;
        }
        var instruction = rule.Program[run.Pc];
        var step = instruction.Step;
        switch (instruction.Kind)
        {
            case InstructionKind.Jump:
                run.MoveTo(instruction.Target, null);
                return StepOutcome.Continue;
            case InstructionKind.JumpIfFalse:
                var held = Evaluate(instruction.Condition!, run.Data, rule.Fields, out var error);
                var reason = error is null
                    ? Message.Of(held ? "Automation:Run:BranchThen" : "Automation:Run:BranchElse",
                        ("condition", instruction.Condition!.Text),
                        ("values", instruction.Condition.Explain(run.Data, rule.Fields)))
                    : Message.Of("Automation:Run:BranchError", ("condition", instruction.Condition!.Text), ("error", error));
                Log(run, step.Id, "branch", null, StepState.Decided, null, null, reason, null, now);
                run.MoveTo(held ? run.Pc + 1 : instruction.Target, step.Id);
                return StepOutcome.Continue;
            case InstructionKind.Stop:
                Log(run, step.Id, "stop", null, StepState.Succeeded, null, null,
                    Message.VerbatimOrNull(step.Label) ?? Message.Of("Automation:Run:StopsHere"), null, now);
                run.Stop(Message.Of("Automation:Run:StoppedBy", ("step", step.Id)), now);
                return StepOutcome.Parked;
            case InstructionKind.Wait:
                if (run.State == RunState.Waiting && run.CurrentStepId == step.Id)
                {
                    Log(run, step.Id, "wait", null, StepState.Succeeded, null, null,
                        Message.Of("Automation:Run:Waited", ("minutes", step.Minutes)), null, now);
                    run.MarkRunning();
                    run.MoveTo(run.Pc + 1, null);
                    return StepOutcome.Continue;
                }
                if (inline) return Defer(run, now);
                run.MoveTo(run.Pc, step.Id);
                run.WaitUntil(now.AddMinutes(step.Minutes ?? 1));
                Log(run, step.Id, "wait", null, StepState.Waiting, null, null,
                    Message.Of("Automation:Run:Waits", ("minutes", step.Minutes)),
                    null, now);
                return StepOutcome.Commit;
            case InstructionKind.WaitForEvent:
                if (run.IsWaitingForEvent && run.CurrentStepId == step.Id)
                {
                    Log(run, step.Id, "wait_for_event", null, StepState.Succeeded, null, null,
                        Message.Of("Automation:Run:WaitTimedOut", ("event", step.Event), ("minutes", step.Minutes)), null, now);
                    run.Resume(new Dictionary<string, object?>(), timedOut: true, now);
                    return StepOutcome.Continue;
                }
                if (inline) return Defer(run, now);
                if (run.SubjectId is not { } subject)
                {
                    Fail(run, step, null, "This run has no subject (order, customer) to wait for an event about.", permanent: true, null,
                        now);
                    return StepOutcome.Parked;
                }
                run.MoveTo(run.Pc, step.Id);
                run.WaitForEvent(step.Event!, subject, now.AddMinutes(step.Minutes ?? 60));
                Log(run, step.Id, "wait_for_event", null, StepState.Waiting, null, null,
                    Message.Of("Automation:Run:WaitsForEvent", ("event", step.Event), ("minutes", step.Minutes)), null, now);
                return StepOutcome.Commit;
            default:
                if (run.IsWaitingForEvent && run.CurrentStepId == step.Id)
                {
                    // An action's wait (an approval, an agent's approval) timed out: the run goes on with wait.timed_out.
                    Log(run, step.Id, "wait_for_event", null, StepState.Succeeded, null, null,
                        Message.Of("Automation:Run:ActionWaitTimedOut", ("event", run.WaitTrigger)), null, now);
                    run.Resume(new Dictionary<string, object?>(), timedOut: true, now);
                    return StepOutcome.Continue;
                }
                if (inline && instruction.Action!.HasSideEffects) return Defer(run, now);
                return await ActAsync(run, rule, instruction, now, cancellationToken);
        }
    }

    private static StepOutcome Defer(Run run, DateTimeOffset now)
    {
        run.ContinueLater(now);
        return StepOutcome.Parked;
    }

    private async Task<StepOutcome> ActAsync(Run run, CompiledRule rule, Instruction instruction, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var step = instruction.Step;
        var descriptor = instruction.Action!;
        var key = $"{run.Id:N}:{step.Id}";
        run.Enter(step.Id);
        Dictionary<string, object?> parameters;
        try
        {
            parameters = instruction.Parameters.ToDictionary(p => p.Key, p => p.Value.Render(run.Data, now, rule.Fields),
                StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is ExpressionException or InvalidCastException or OverflowException)
        {
            Fail(run, step, descriptor.Name, $"A parameter could not be computed: {ex.Message}", permanent: true, null, now);
            return StepOutcome.Parked;
        }
        var input = JsonSerializer.Serialize(parameters, Json);
        var action = actions.Resolve(services, descriptor.Name);
        if (action is null)
        {
            Fail(run, step, descriptor.Name, $"The action '{descriptor.Name}' is no longer offered by any module.", permanent: true, input,
                now);
            return StepOutcome.Parked;
        }
        ActionResult result;
        using var span = HyperTelemetry.StartConsumer("step " + descriptor.Name, run.TraceParent);
        span?.SetTag("hypercrm.run_id", run.Id);
        span?.SetTag("hypercrm.rule", run.RuleName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using (EventCausation.Acting(run.Depth))
            {
                result = await action.ExecuteAsync(new ActionContext(run.Id, step.Id, key, run.RuleName, parameters, run.Data,
                    run.SubjectKind, run.SubjectId), cancellationToken);
            }
        }
        catch (WorkPausedException paused)
        {
            // An operator paused what the step needs (a connector): the run waits, spending no attempt, and tries again.
            span?.SetTag("hypercrm.paused", paused.Key);
            run.WaitUntil(now + PausedRecheck);
            Log(run, step.Id, "paused", descriptor.Name, StepState.Waiting, input, null,
                Message.Of("Automation:Run:PausedWait", ("kind", paused.Kind), ("key", paused.Key)), null, now);
            return StepOutcome.Parked;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A refusal by a business rule is final; only a concurrency clash is worth another attempt.
            var permanent = ex is PermanentActionException || ex is BusinessException { Code: not "Common:ConcurrencyConflict" };
            logger.LogWarning(ex, "Run {RunId} step {StepId} ({Action}) failed", run.Id, step.Id, descriptor.Name);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            RecordStep(descriptor.Name, permanent ? "failed" : "retrying", started);
            if (ex is PermanentActionException { Trace.Count: > 0 } traced) await LogTraceAsync(run, step.Id, traced.Trace,
                cancellationToken);
            Fail(run, step, descriptor.Name, $"{ex.GetType().Name}: {ex.Message}", permanent, input, now, key);
            return StepOutcome.Parked;
        }
        RecordStep(descriptor.Name, "succeeded", started);
        if (result.Trace.Count > 0) await LogTraceAsync(run, step.Id, result.Trace, cancellationToken);
        if (result.Outputs is { } produced) run.RecordOutputs(step.Id, produced);
        if (instruction.Compensation is not null) run.RecordDone(step.Id);
        var output = result.Outputs is { Count: > 0 } outputs ? JsonSerializer.Serialize(outputs, Json) : null;
        Log(run, step.Id, step.Kind == StepKind.Approval ? "approval" : "action", descriptor.Name, StepState.Succeeded, input, output,
            result.Summary, null, now, key);
        if (result.Wait is { } wait)
        {
            run.MoveTo(run.Pc, step.Id);
            run.WaitForEvent(wait.TriggerKey, wait.CorrelationId,
                now + (step.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : wait.Timeout), wait.ReturnHere);
            Log(run, step.Id, "wait_for_event", null, StepState.Waiting, null, null,
                Message.Of("Automation:Run:WaitsFor", ("event", wait.TriggerKey)), null, now);
            return StepOutcome.Commit;
        }
        run.MoveTo(run.Pc + 1, null);
        return descriptor.HasSideEffects ? StepOutcome.Commit : StepOutcome.Continue;
    }

    /// <summary>How long a step that met a paused connector waits before it tries again.</summary>
    public static readonly TimeSpan PausedRecheck = TimeSpan.FromSeconds(5);

    private static void RecordStep(string action, string outcome, long started)
    {
        var actionTag = new KeyValuePair<string, object?>("action", action);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        HyperTelemetry.Steps.Add(1, actionTag, outcomeTag);
        HyperTelemetry.StepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, actionTag, outcomeTag);
    }

    private void Fail(Run run, StepDto step, string? action, string error, bool permanent, string? input, DateTimeOffset now,
        string? key = null)
    {
        var dead = run.Fail(error, permanent, now, Random.Shared, options.Value.MaxAttempts);
        var attempts = options.Value.MaxAttempts;
        Log(run, step.Id, step.Kind.ToString().ToLowerInvariant(), action, dead ? StepState.Failed : StepState.Retrying, input, null,
            (dead, permanent, run.IsCompensating) switch
            {
                (false, _, _) => Message.Of("Automation:Run:Retry", ("attempt", run.Attempt)),
                (true, true, true) => Message.Of("Automation:Run:DeadPermanentUndoing"),
                (true, true, false) => Message.Of("Automation:Run:DeadPermanent"),
                (true, false, true) => Message.Of("Automation:Run:DeadAttemptsUndoing", ("attempts", attempts)),
                (true, false, false) => Message.Of("Automation:Run:DeadAttempts", ("attempts", attempts)),
            },
            error, now, key);
    }

    /// <summary>
    /// Undoes the last completed step that declared a compensation, with the key <c>run:step:undo</c> (so a retried or
    /// re-executed undo repeats nothing), logs it, and commits; the run ends when nothing is left to undo.
    /// </summary>
    private async Task<StepOutcome> CompensateAsync(Run run, CompiledRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stepId = run.NextCompensation!;
        var undo = rule.CompensationOf(stepId);
        var key = $"{run.Id:N}:{stepId}:undo";
        if (undo is null)
        {
            Log(run, stepId, "compensate", null, StepState.Succeeded, null, null, Message.Of("Automation:Run:NothingToUndo"), null, now);
            run.Compensate(stepId, now);
            return StepOutcome.Commit;
        }
        string? input = null;
        try
        {
            var parameters = undo.Parameters.ToDictionary(p => p.Key, p => p.Value.Render(run.Data, now, rule.Fields),
                StringComparer.Ordinal);
            input = JsonSerializer.Serialize(parameters, Json);
            var action = actions.Resolve(services, undo.Action.Name)
                ?? throw new PermanentActionException($"The action '{undo.Action.Name}' is no longer offered by any module.");
            ActionResult result;
            using (EventCausation.Acting(run.Depth))
            {
                result = await action.ExecuteAsync(new ActionContext(run.Id, stepId, key, run.RuleName, parameters, run.Data,
                    run.SubjectKind, run.SubjectId), cancellationToken);
            }
            var output = result.Outputs is { Count: > 0 } outputs ? JsonSerializer.Serialize(outputs, Json) : null;
            Log(run, stepId, "compensate", undo.Action.Name, StepState.Succeeded, input, output, result.Summary, null, now, key);
            run.Compensate(stepId, now);
            return StepOutcome.Commit;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var permanent = ex is PermanentActionException or ExpressionException or InvalidCastException or OverflowException
                || ex is BusinessException { Code: not "Common:ConcurrencyConflict" };
            logger.LogWarning(ex, "Run {RunId} could not undo step {StepId} ({Action})", run.Id, stepId, undo.Action.Name);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            var gaveUp = run.CompensationFailed(stepId, error, permanent, now, Random.Shared, options.Value.MaxAttempts);
            Log(run, stepId, "compensate", undo.Action.Name, gaveUp ? StepState.Failed : StepState.Retrying, input, null,
                gaveUp ? Message.Of("Automation:Run:UndoGaveUp") : Message.Of("Automation:Run:Retry", ("attempt", run.Attempt)),
                error.Length > RunLimits.MaxErrorLength ? error[..RunLimits.MaxErrorLength] : error, now, key);
            return gaveUp ? StepOutcome.Commit : StepOutcome.Parked;
        }
    }

    /// <summary>
    /// Logs what happened inside the step (an agent's turns and tool calls) entry by entry, each once: a step executed
    /// again (after an approval, a crash) reports its whole trace, and entries already logged are known by their keys.
    /// </summary>
    private async Task LogTraceAsync(Run run, string stepId, IReadOnlyList<ActionTraceEntry> trace, CancellationToken cancellationToken)
    {
        var keys = trace.Select(t => t.Key).ToList();
        var logged = (await db.RunSteps.AsNoTracking().Where(s => s.RunId == run.Id && s.IdempotencyKey != null
                && keys.Contains(s.IdempotencyKey)).Select(s => s.IdempotencyKey!).ToListAsync(cancellationToken))
            .Concat(db.RunSteps.Local.Where(s => s.RunId == run.Id && s.IdempotencyKey is not null).Select(s => s.IdempotencyKey!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in trace.Where(t => !logged.Contains(t.Key)))
            db.RunSteps.Add(run.Log(stepId, entry.Kind, entry.Tool, entry.State, entry.Input, entry.Output, entry.Summary, entry.Error,
                entry.StartedAt, entry.FinishedAt, entry.Key));
    }

    private void Log(Run run, string stepId, string kind, string? action, StepState state, string? input, string? output, Message? reason,
        string? error,
        DateTimeOffset at, string? key = null) =>
        db.RunSteps.Add(run.Log(stepId, kind, action, state, input, output, reason, error, at, at, key));

    private bool Evaluate(CompiledExpression condition, IReadOnlyDictionary<string, object?> data,
        IReadOnlyDictionary<string, FieldType> fields, out string? error)
    {
        try
        {
            error = null;
            return condition.Evaluate(data, clock.GetUtcNow(), fields) is true;
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentException)
        {
            error = ex.Message;
            return false;
        }
    }
}
