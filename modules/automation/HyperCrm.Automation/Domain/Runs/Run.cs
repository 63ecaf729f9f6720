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
    private static readonly RunState[] Unfinished = [RunState.Pending, RunState.Running, RunState.Waiting, RunState.DeadLettered];

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
    /// <summary>The last failure (verbatim), or why the run ended without completing (a message).</summary>
    public Message? LastError { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The trigger's fields, the steps' outputs (<c>steps.{id}.{name}</c>) and what an awaited event brought.</summary>
    public IReadOnlyDictionary<string, object?> Data => _readOnlyData ??= _data.AsReadOnly();
    public int NextSeq { get; private set; }

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

    public bool IsWaitingForEvent => State == RunState.Waiting && WaitTrigger is not null;

    public RunStep Log(string stepId, string kind, string? action, StepState state, string? input, string? output, Message? reason,
        string? error,
        DateTimeOffset startedAt, DateTimeOffset? finishedAt, string? idempotencyKey) =>
        new(Guid.CreateVersion7(startedAt), Id, NextSeq++, stepId, kind, action, state, Attempt + 1, input, output, reason, error,
            startedAt, finishedAt, idempotencyKey);

    /// <summary>The run's start condition held, or a delay ended: it runs.</summary>
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
    /// the reason, and nothing of it is left to fail or to be dead-lettered.
    /// </summary>
    public void EndWithSubject(Message reason, DateTimeOffset at)
    {
        Require("stop", Unfinished);
        Finish(RunState.Stopped, at, reason);
    }

    /// <summary>An operator gives up on a run that has not finished.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        Require("be cancelled", Unfinished);
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
        if (permanent || Attempt >= maxAttempts)
        {
            State = RunState.DeadLettered;
            NextAttemptAt = null;
            AddDistributedEvent(new RunDeadLetteredEto(Id, RuleId, RuleName, VersionNumber, SubjectKind, SubjectId, stepId, Attempt,
                cut, at));
            return true;
        }
        State = RunState.Running;
        var jitter = 1 - RunLimits.BackoffJitter + random.NextDouble() * 2 * RunLimits.BackoffJitter;
        NextAttemptAt = at + RunLimits.FirstBackoff * Math.Pow(2, Attempt - 1) * jitter;
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
    public void WaitForEvent(string trigger, Guid correlation, DateTimeOffset timeoutAt)
    {
        Require("wait for an event", Active);
        State = RunState.Waiting;
        WaitTrigger = trigger;
        WaitCorrelation = correlation;
        NextAttemptAt = timeoutAt;
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
        MoveTo(Pc + 1, null);
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
