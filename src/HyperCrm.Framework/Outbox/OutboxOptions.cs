namespace HyperCrm.Framework.Outbox;

public sealed class OutboxOptions
{
    /// <summary>The safety-net poll; commits signal the dispatcher directly.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 200;

    /// <summary>After this many failed attempts a consumer's event goes to dead letters.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When false no dispatcher runs in this process (a web-only instance, or a test that plays "crashed").</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Processed outbox and inbox rows older than this are purged by the maintenance job.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RetryDelay(int attempts)
    {
        var exponential = BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, MaxRetryDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
