using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Domain.Runs;

/// <summary>
/// One execution of one rule version for one trigger. Durable: its position (<see cref="Pc"/>), data, waits and
/// retries are stored, and every step it takes is logged as a <see cref="RunStep"/>, so a restart resumes it.
/// </summary>
public sealed class Run : Entity<Guid>
{
    /// <summary>The default attempts of a failing step: with backoff 2, 4, 8 … s, eight attempts ride out about four minutes of outage.</summary>
    public const int DefaultMaxAttempts = 8;

    public Guid RuleId { get; private set; }
    public string RuleName { get; private set; } = string.Empty;
    public Guid VersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public string Trigger { get; private set; } = string.Empty;
    public Guid? EventId { get; private set; }
    public string? SubjectKind { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string Summary { get; private set; } = string.Empty;
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
    public string? LastError { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public Dictionary<string, object?> Data { get; private set; } = [];
    public int NextSeq { get; private set; }

    private Run() { }

    public Run(Guid id, Guid ruleId, string ruleName, Guid versionId, int versionNumber, string trigger, Guid? eventId,
        string? subjectKind, Guid? subjectId, string summary, int depth, Dictionary<string, object?> data, DateTimeOffset at)
        : base(id)
    {
        RuleId = ruleId;
        RuleName = ruleName;
        VersionId = versionId;
        VersionNumber = versionNumber;
        Trigger = trigger;
        EventId = eventId;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Summary = summary.Length > 300 ? summary[..300] : summary;
        Depth = depth;
        Data = data;
        StartedAt = at;
        State = RunState.Pending;
        NextAttemptAt = at;
    }

    public bool IsFinished => State is RunState.Completed or RunState.Skipped or RunState.Stopped or RunState.Cancelled;

    public RunStep Log(string stepId, string kind, string? action, StepState state, string? input, string? output, string? reason, string? error,
        DateTimeOffset startedAt, DateTimeOffset? finishedAt, string? idempotencyKey) =>
        new(Guid.CreateVersion7(startedAt), Id, NextSeq++, stepId, kind, action, state, Attempt + 1, input, output, reason, error, startedAt, finishedAt, idempotencyKey);

    /// <summary>Moves to an instruction (the next one, or a branch's target).</summary>
    public void MoveTo(int pc, string? stepId)
    {
        Pc = pc;
        CurrentStepId = stepId;
        Attempt = 0;
        LastError = null;
    }

    public void Skip(string reason, DateTimeOffset at) => Finish(RunState.Skipped, at, reason);

    public void Complete(DateTimeOffset at) => Finish(RunState.Completed, at, null);

    public void Stop(string reason, DateTimeOffset at) => Finish(RunState.Stopped, at, reason);

    public void Cancel(string reason, DateTimeOffset at) => Finish(RunState.Cancelled, at, reason);

    private void Finish(RunState state, DateTimeOffset at, string? reason)
    {
        State = state;
        FinishedAt = at;
        NextAttemptAt = null;
        WaitTrigger = null;
        WaitCorrelation = null;
        if (reason is not null) LastError = state == RunState.Completed ? null : reason;
    }

    public void MarkRunning() => State = RunState.Running;

    /// <summary>Names the step being executed (what a retry or skip refers to).</summary>
    public void Enter(string stepId) => CurrentStepId = stepId;

    /// <summary>Leaves the rest to the worker (a side effect is next): due at once.</summary>
    public void ContinueLater(DateTimeOffset at)
    {
        State = RunState.Running;
        NextAttemptAt = at;
    }

    /// <summary>A step failed: retry later with backoff and jitter, or dead-letter after <paramref name="maxAttempts"/> (or at once when retrying cannot help).</summary>
    public bool Fail(string error, bool permanent, DateTimeOffset at, Random random, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(random);
        Attempt++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (permanent || Attempt >= maxAttempts)
        {
            State = RunState.DeadLettered;
            NextAttemptAt = null;
            return true;
        }
        State = RunState.Running;
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Attempt)) * (0.8 + random.NextDouble() * 0.4);
        NextAttemptAt = at + backoff;
        return false;
    }

    public void WaitUntil(DateTimeOffset until)
    {
        State = RunState.Waiting;
        NextAttemptAt = until;
        WaitTrigger = null;
        WaitCorrelation = null;
    }

    /// <summary>Waits for an event with this correlation; the timeout makes the worker resume with <c>wait.timed_out</c>.</summary>
    public void WaitForEvent(string trigger, Guid correlation, DateTimeOffset timeoutAt)
    {
        State = RunState.Waiting;
        WaitTrigger = trigger;
        WaitCorrelation = correlation;
        NextAttemptAt = timeoutAt;
    }

    public bool IsWaitingForEvent => State == RunState.Waiting && WaitTrigger is not null;

    /// <summary>The awaited event arrived (or the timeout passed): its values join the run's data and the run goes on.</summary>
    public void Resume(IReadOnlyDictionary<string, object?> values, bool timedOut, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new Dictionary<string, object?>(Data);
        foreach (var (key, value) in values) data[key] = value;
        data["wait.timed_out"] = timedOut;
        Data = data;
        State = RunState.Running;
        WaitTrigger = null;
        WaitCorrelation = null;
        NextAttemptAt = at;
        MoveTo(Pc + 1, null);
    }

    public void SetData(string key, object? value) => Data = new Dictionary<string, object?>(Data) { [key] = value };

    /// <summary>An operator's retry of a dead-lettered run, from the failed step of this or another version.</summary>
    public void RetryFrom(Guid versionId, int versionNumber, int pc, string stepId, DateTimeOffset at)
    {
        if (State != RunState.DeadLettered) throw new BusinessException("Automation:NotDeadLettered", "Only a dead-lettered run can be retried.");
        VersionId = versionId;
        VersionNumber = versionNumber;
        MoveTo(pc, stepId);
        State = RunState.Running;
        NextAttemptAt = at;
        FinishedAt = null;
    }

    /// <summary>An operator skips the failed step: the run goes on with the next one.</summary>
    public void SkipFailedStep(DateTimeOffset at)
    {
        if (State != RunState.DeadLettered) throw new BusinessException("Automation:NotDeadLettered", "Only a dead-lettered run's step can be skipped.");
        MoveTo(Pc + 1, null);
        State = RunState.Running;
        NextAttemptAt = at;
        FinishedAt = null;
    }
}
