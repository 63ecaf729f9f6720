namespace HyperCrm.Automation.Engine;

public sealed class AutomationOptions
{
    /// <summary>How many automated reactions may chain (rule → event → rule …) before the engine stops the run as a loop.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Attempts of a failing step before its run is dead-lettered (backoff 2, 4, 8 … s with jitter between them).</summary>
    public int MaxAttempts { get; set; } = Domain.Runs.RunLimits.DefaultMaxAttempts;

    /// <summary>The worker's safety-net poll: it sleeps until the next run falls due (a delay, a retry), new work wakes it at
    /// once (this instance's signal, or another instance's through LISTEN/NOTIFY), and this is the longest it sleeps.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs the worker looks at per round.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How many runs one instance moves at the same time.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a worker holds the runs it took (no database lock is held meanwhile). Longer than any step may take
    /// (a connector gives up after 60 s); a run whose worker died is taken up again once it passes.
    /// </summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromMinutes(2);

    public bool WorkerEnabled { get; set; } = true;

    /// <summary>
    /// Whether a run whose condition did not hold is kept (as "skipped", with the values that decided it). Off by
    /// default: on busy triggers most events match no rule, and the event log plus a dry-run answer "why not".
    /// </summary>
    public bool RecordSkippedRuns { get; set; }

    /// <summary>How long recorded events stay available to dry-runs.</summary>
    public TimeSpan EventLogRetention { get; set; } = TimeSpan.FromDays(30);
}
