namespace HyperCrm.Automation.Domain.Runs;

/// <summary>The bounds a run lives within.</summary>
public static class RunLimits
{
    /// <summary>The default attempts of a failing step: with backoff 2, 4, 8 … s, eight attempts ride out about four minutes of
    /// outage.</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>The first retry waits this long; each further one twice as long as the one before.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);

    /// <summary>Each backoff is stretched or shrunk by up to this share, so runs that failed together do not retry together.</summary>
    public const double BackoffJitter = 0.2;

    public const int MaxSummaryLength = 300;
    public const int MaxErrorLength = 2000;
}
