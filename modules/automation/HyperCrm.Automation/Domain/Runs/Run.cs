using HyperCrm.Automation.Rules;
using HyperCrm.Automation.Runs;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Domain.Runs;

/// <summary>
/// One execution of one rule version for one trigger: an aggregate that guards every move of its state. Durable: its
/// position (<see cref="Pc"/>), data, waits and retries are stored, and every step it takes is logged as a
/// <see cref="RunStep"/>, so a restart resumes it. It announces how it ends (<see cref="RunCompletedEto"/>,
/// <see cref="RunFailedEto"/>, <see cref="RunDeadLetteredEto"/>). Two workers never both write it: the lease is
/// <see cref="NextAttemptAt"/>, the concurrency token (not the aggregate's stamp).
/// </summary>
public sealed class Run : AggregateRoot<Guid>
{
    private static readonly RunState[] Active = [RunState.Pending, RunState.Running];
    private static readonly RunState[] Resumable = [RunState.Pending, RunState.Running, RunState.Waiting];
    private static readonly RunState[] Unfinished = [RunState.Pending, RunState.Running, RunState.Waiting, RunState.DeadLettered,
        RunState.Compensating];

    private Dictionary<string, object?> _data = [];
    private IReadOnlyDictionary<string, object?>? _readOnlyData;

    public Guid RuleId { get; private set; }
    public string RuleName { get; private set; } = string.Empty;
    public Guid VersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public string Trigger { get; private set; } = string.Empty;
    public Guid? EventId { get; private set; }
    public string? SubjectKind { get; private set; }
    public Guid? SubjectId { get; private set; }
    /// <summary>What the triggering event was about, as its module worded it.</summary>
    public Message Summary { get; private set; } = Message.Verbatim(string.Empty);
    public int Depth { get; private set; }
    public RunState State { get; private set; }

    /// <summary>The index of the next instruction of the version's program.</summary>
    public int Pc { get; private set; }
    public string? CurrentStepId { get; private set; }
    public int Attempt { get; private set; }

    /// <summary>When the worker should look at the run next (due now, a retry, a delay's end or a wait's timeout).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? WaitTrigger { get; private set; }
    public Guid? WaitCorrelation { get; private set; }

    /// <summary>The awaited event takes the run back to the step that waited (an agent goes on after an approval), not on.</summary>
    public bool ReturnHere { get; private set; }
    /// <summary>The last failure (verbatim), or why the run ended without completing (a message).</summary>
    public Message? LastError { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The trigger's fields, the steps' outputs (<c>steps.{id}.{name}</c>) and what an awaited event brought.</summary>
    /// <summary>The W3C trace context of whatever started the run: each step's span joins that trace.</summary>
    public string? TraceParent { get; private set; }

    public IReadOnlyDictionary<string, object?> Data => _readOnlyData ??= _data.AsReadOnly();
    public int NextSeq { get; private set; }

    /// <summary>
    /// The completed steps that declared a compensation, in the order they completed (ids joined by commas, as step ids
    /// hold no comma): what is undone, last first, if the run is stopped by its subject's end or fails for good.
    /// </summary>
    public string? Undo { get; private set; }

    /// <summary>How the run ends once its compensations are done: stopped, or dead-lettered (a step or an undo failed).</summary>
    public RunState? Ending { get; private set; }

    /// <summary>Its completed steps were undone: retrying it from the failed step would build on nothing.</summary>
    public bool Compensated { get; private set; }

    /// <summary>A compensation was given up: the run ends dead-lettered whatever stopped it.</summary>
    public bool UndoFailed { get; private set; }

    /// <summary>The step whose compensation is next (the last completed one still to undo), or null.</summary>
    public string? NextCompensation => Undo is { Length: > 0 } undo ? undo[(undo.LastIndexOf(',') + 1)..] : null;

    private Run() { }

    public Run(Guid id, Guid ruleId, string ruleName, Guid versionId, int versionNumber, string trigger, Guid? eventId,
        string? subjectKind, Guid? subjectId, Message summary, int depth, IReadOnlyDictionary<string, object?> data, DateTimeOffset at)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(data);
        RuleId = ruleId;
        RuleName = ruleName;
        VersionId = versionId;
        VersionNumber = versionNumber;
        Trigger = trigger;
        EventId = eventId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Summary = summary.Limit(RunLimits.MaxSummaryLength);
        Depth = depth;
        ReplaceData(new Dictionary<string, object?>(data));
        StartedAt = at;
        State = RunState.Pending;
        NextAttemptAt = at;
    }

    public bool IsFinished => State is RunState.Completed or RunState.Skipped or RunState.Stopped or RunState.Cancelled;

    public bool IsCompensating => State == RunState.Compensating;

    /// <summary>A stop step ended the run (a person takes over) with steps still to undo if the subject ends.</summary>
    public bool HandedOver => State == RunState.Stopped && Undo is not null && !Compensated;

    public bool IsWaitingForEvent => State == RunState.Waiting && WaitTrigger is not null;

    public RunStep Log(string stepId, string kind, string? action, StepState state, string? input, string? output, Message? reason,
        string? error,
        DateTimeOffset startedAt, DateTimeOffset? finishedAt, string? idempotencyKey) =>
        new(Guid.CreateVersion7(startedAt), Id, NextSeq++, stepId, kind, action, state, Attempt + 1, input, output, reason, error,
            startedAt, finishedAt, idempotencyKey);

    /// <summary>The run's start condition held, or a delay ended: it runs.</summary>
    /// <summary>Joins the run to the trace of whatever started it (the intake, an event's consumer, a schedule).</summary>
    public void TraceFrom(string? traceParent) => TraceParent = traceParent;

    public void MarkRunning()
    {
        Require("run", Resumable);
        State = RunState.Running;
    }

    /// <summary>Moves to an instruction (the next one, or a branch's target).</summary>
    public void MoveTo(int pc, string? stepId)
    {
        Require("move to another step", Active);
        ArgumentOutOfRangeException.ThrowIfNegative(pc);
        Pc = pc;
        CurrentStepId = stepId;
        Attempt = 0;
        LastError = null;
    }

    /// <summary>Names the step being executed (what a retry or skip refers to).</summary>
    public void Enter(string stepId)
    {
        Require("enter a step", Active);
        CurrentStepId = stepId;
    }

    /// <summary>A step's outputs join the run's data as <c>steps.{stepId}.{name}</c>.</summary>
    public void RecordOutputs(string stepId, IReadOnlyDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        Require("record a step's outputs", Active);
        if (outputs.Count == 0) return;
        var data = new Dictionary<string, object?>(_data);
        foreach (var (name, value) in outputs) data[$"steps.{stepId}.{name}"] = value;
        ReplaceData(data);
    }

    /// <summary>A step that declared a compensation did its work: it is undone if the run is stopped or fails for good.</summary>
    public void RecordDone(string stepId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepId);
        Require("record a completed step", Active);
        if (stepId.Contains(',', StringComparison.Ordinal)) throw new ArgumentException("A step id has no comma.", nameof(stepId));
        if (Undo is { } undo && undo.Split(',').Contains(stepId, StringComparer.Ordinal)) return;
        Undo = Undo is null ? stepId : $"{Undo},{stepId}";
    }

    /// <summary>The compensation of <paramref name="stepId"/> is done (or there was none to run): the next one is due, or the
    /// run ends as <see cref="Ending"/> says.</summary>
    public void Compensate(string stepId, DateTimeOffset at)
    {
        Require("record a compensation", [RunState.Compensating]);
        if (NextCompensation != stepId)
            throw new BusinessException("Automation:NotNextCompensation",
                $"The next step to undo is '{NextCompensation}', not '{stepId}'.");
        var cut = Undo!.LastIndexOf(',');
        Undo = cut < 0 ? null : Undo[..cut];
        Attempt = 0;
        if (Undo is null) EndCompensating(at);
    }

    /// <summary>
    /// A compensation failed: it is tried again with backoff, or given up after <paramref name="maxAttempts"/> (or at once when
    /// retrying cannot help); then the others still run and the run ends dead-lettered for a person to look at. True when
    /// given up.
    /// </summary>
    public bool CompensationFailed(string stepId, string error, bool permanent, DateTimeOffset at, Random random,
        int maxAttempts = RunLimits.DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(random);
        Require("record a failed compensation", [RunState.Compensating]);
        Attempt++;
        if (!permanent && Attempt < maxAttempts)
        {
            NextAttemptAt = at + Backoff(random);
            return false;
        }
        var cut = $"Undoing '{stepId}' failed: {error}";
        LastError = Message.Verbatim(cut.Length > RunLimits.MaxErrorLength ? cut[..RunLimits.MaxErrorLength] : cut);
        UndoFailed = true;
        Compensate(stepId, at);
        return true;
    }

    /// <summary>The start condition did not hold.</summary>
    public void Skip(Message reason, DateTimeOffset at)
    {
        Require("be skipped", Active);
        Finish(RunState.Skipped, at, reason);
    }

    /// <summary>Every step is done.</summary>
    public void Complete(DateTimeOffset at)
    {
        Require("complete", Active);
        Finish(RunState.Completed, at, null);
        AddDistributedEvent(new RunCompletedEto(Id, RuleId, RuleName, VersionNumber, SubjectKind, SubjectId, at));
    }

    /// <summary>A stop step, or the engine refusing to start it (a loop, a disabled rule).</summary>
    public void Stop(Message reason, DateTimeOffset at)
    {
        Require("stop", Active);
        Finish(RunState.Stopped, at, reason);
    }

    /// <summary>
    /// What the run is about has ended (its order was cancelled): whatever it was doing, waiting for or retrying stops, with
    /// the reason, and nothing of it is left to fail or to be dead-lettered. Completed steps that declared a compensation
    /// are undone first (the run is <see cref="RunState.Compensating"/> meanwhile), then it is stopped.
    /// </summary>
    public void EndWithSubject(Message reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (HandedOver)
        {
            // A stop step handed the work to a person, who has now ended it: what the run did is undone all the same.
            BeginCompensating(RunState.Stopped, reason, at);
            return;
        }
        Require("stop", Unfinished);
        if (State == RunState.Compensating)
        {
            // Already undoing a failed step's run: it now ends stopped, for the subject's reason (dead-lettered if an undo
            // failed).
            Ending = RunState.Stopped;
            if (!UndoFailed) LastError = reason;
            return;
        }
        if (Undo is not null && !Compensated)
        {
            BeginCompensating(RunState.Stopped, reason, at);
            return;
        }
        Finish(RunState.Stopped, at, reason);
    }

    /// <summary>An operator gives up on a run that has not finished.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        Require("be cancelled", Unfinished);
        Undo = null;
        Ending = null;
        Finish(RunState.Cancelled, at, Message.Verbatim(reason));
    }

    /// <summary>Leaves the rest to the worker (a side effect is next): due at once.</summary>
    public void ContinueLater(DateTimeOffset at)
    {
        Require("continue later", Active);
        State = RunState.Running;
        NextAttemptAt = at;
    }

    /// <summary>
    /// A step failed: retry later with backoff and jitter (<see cref="RunLimits"/>), or dead-letter after
    /// <paramref name="maxAttempts"/> (or at once when retrying cannot help). True when dead-lettered.
    /// </summary>
    public bool Fail(string error, bool permanent, DateTimeOffset at, Random random, int maxAttempts = RunLimits.DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        Require("fail a step", Active);
        Attempt++;
        var cut = error.Length > RunLimits.MaxErrorLength ? error[..RunLimits.MaxErrorLength] : error;
        LastError = Message.Verbatim(cut);
        var stepId = CurrentStepId ?? string.Empty;
        if ((permanent || Attempt >= maxAttempts) && Undo is not null)
        {
            // Failed for good after steps that can be undone: they are, last first; the run is dead-lettered after that.
            BeginCompensating(RunState.DeadLettered, LastError, at);
            return true;
        }
        if (permanent || Attempt >= maxAttempts)
        {
            State = RunState.DeadLettered;
            NextAttemptAt = null;
            AddDistributedEvent(new RunDeadLetteredEto(Id, RuleId, RuleName, VersionNumber, SubjectKind, SubjectId, stepId, Attempt,
                cut, at));
            return true;
        }
        State = RunState.Running;
        NextAttemptAt = at + Backoff(random);
        AddDistributedEvent(new RunFailedEto(Id, RuleId, RuleName, VersionNumber, SubjectKind, SubjectId, stepId, Attempt, cut,
            NextAttemptAt.Value));
        return false;
    }

    /// <summary>A delay step: the worker picks the run up again at <paramref name="until"/>.</summary>
    public void WaitUntil(DateTimeOffset until)
    {
        Require("wait", Active);
        State = RunState.Waiting;
        NextAttemptAt = until;
        WaitTrigger = null;
        WaitCorrelation = null;
    }

    /// <summary>Waits for an event with this correlation; the timeout makes the worker resume with <c>wait.timed_out</c>.</summary>
    public void WaitForEvent(string trigger, Guid correlation, DateTimeOffset timeoutAt, bool returnHere = false)
    {
        Require("wait for an event", Active);
        State = RunState.Waiting;
        WaitTrigger = trigger;
        WaitCorrelation = correlation;
        NextAttemptAt = timeoutAt;
        ReturnHere = returnHere;
    }

    /// <summary>The awaited event arrived (or the timeout passed): its values join the run's data and the run goes on.</summary>
    public void Resume(IReadOnlyDictionary<string, object?> values, bool timedOut, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(values);
        Require("resume", [RunState.Waiting]);
        var data = new Dictionary<string, object?>(_data);
        foreach (var (key, value) in values) data[key] = value;
        data["wait.timed_out"] = timedOut;
        ReplaceData(data);
        State = RunState.Running;
        WaitTrigger = null;
        WaitCorrelation = null;
        NextAttemptAt = at;
        if (ReturnHere) ReturnHere = false;
        else MoveTo(Pc + 1, null);
    }

    /// <summary>An operator's retry of a dead-lettered run, from the failed step of this or another version.</summary>
    public void RetryFrom(Guid versionId, int versionNumber, int pc, string stepId, DateTimeOffset at)
    {
        RequireDeadLettered("Only a dead-lettered run can be retried.");
        VersionId = versionId;
        VersionNumber = versionNumber;
        State = RunState.Running;
        MoveTo(pc, stepId);
        NextAttemptAt = at;
        FinishedAt = null;
    }

    /// <summary>An operator skips the failed step: the run goes on with the next one.</summary>
    public void SkipFailedStep(DateTimeOffset at)
    {
        RequireDeadLettered("Only a dead-lettered run's step can be skipped.");
        State = RunState.Running;
        MoveTo(Pc + 1, null);
        NextAttemptAt = at;
        FinishedAt = null;
    }

    private void ReplaceData(Dictionary<string, object?> data)
    {
        _data = data;
        _readOnlyData = null;
    }

    private void RequireDeadLettered(string message)
    {
        if (State != RunState.DeadLettered) throw new BusinessException("Automation:NotDeadLettered", message);
        if (Compensated)
            throw new BusinessException("Automation:RunWasCompensated",
                "What this run's steps did was undone after it failed: start the work again instead of retrying the run.");
    }

    private TimeSpan Backoff(Random random)
    {
        var jitter = 1 - RunLimits.BackoffJitter + random.NextDouble() * 2 * RunLimits.BackoffJitter;
        return RunLimits.FirstBackoff * Math.Pow(2, Attempt - 1) * jitter;
    }

    /// <summary>Stops whatever the run was doing or waiting for; the worker undoes its completed steps, last first.</summary>
    private void BeginCompensating(RunState ending, Message? reason, DateTimeOffset at)
    {
        State = RunState.Compensating;
        Ending = ending;
        Compensated = true;
        Attempt = 0;
        LastError = reason;
        WaitTrigger = null;
        WaitCorrelation = null;
        NextAttemptAt = at;
    }

    private void EndCompensating(DateTimeOffset at)
    {
        if (Ending == RunState.DeadLettered || UndoFailed)
        {
            State = RunState.DeadLettered;
            NextAttemptAt = null;
            AddDistributedEvent(new RunDeadLetteredEto(Id, RuleId, RuleName, VersionNumber, SubjectKind, SubjectId,
                CurrentStepId ?? string.Empty, Attempt, LastError?.Text ?? string.Empty, at));
            return;
        }
        Finish(RunState.Stopped, at, LastError);
    }

    private void Require(string move, IReadOnlyCollection<RunState> allowed) => CheckRule(new RunStateMustAllowRule(move, State, allowed));

    private void Finish(RunState state, DateTimeOffset at, Message? reason)
    {
        State = state;
        FinishedAt = at;
        NextAttemptAt = null;
        WaitTrigger = null;
        WaitCorrelation = null;
        if (reason is not null) LastError = state == RunState.Completed ? null : reason;
    }
}
