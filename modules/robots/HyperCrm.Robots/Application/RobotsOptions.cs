namespace HyperCrm.Robots.Application;

/// <summary>The <c>Robots</c> section: the worker pool, retries, screenshots and where Chromium is.</summary>
public sealed class RobotsOptions
{
    public const string Section = "Robots";

    /// <summary>False: this instance runs no bots (its jobs wait for an instance that does).</summary>
    public bool WorkersEnabled { get; set; } = true;

    /// <summary>Browsers kept even with nothing to do (each is a Chromium process).</summary>
    public int MinWorkers { get; set; }

    /// <summary>Browsers at most on this instance, however long the queue.</summary>
    public int MaxWorkers { get; set; } = 2;

    /// <summary>A worker with nothing to do for this long stops (down to <see cref="MinWorkers"/>).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest the pool sleeps when nothing signals it and no job falls due sooner (jobs added by another
    /// instance are seen within this).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker's claim on a job lasts unless renewed; a crashed worker's job is taken up after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts of a job before a person takes over (failures retrying may fix: timeouts, 5xx).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; doubled for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A screenshot after every step (else only on failure and at screenshot steps).</summary>
    public bool ScreenshotEveryStep { get; set; } = true;

    /// <summary>A screenshot larger than this is not kept (JPEG, viewport only).</summary>
    public int MaxScreenshotBytes { get; set; } = 400_000;

    /// <summary>Screenshots per run at most (the failure's is always kept).</summary>
    public int MaxScreenshotsPerRun { get; set; } = 60;

    /// <summary>Screenshots older than this are deleted (the runs' step logs stay).</summary>
    public TimeSpan ScreenshotRetention { get; set; } = TimeSpan.FromDays(14);

    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Hosts a bot may reach although they resolve to a private or loopback address (an intranet portal).</summary>
    public List<string> PrivateHosts { get; set; } = [];

    /// <summary>Where the simulators are when they run as a process of their own (etc/deploy/run-cluster.sh), ending in
    /// /sandbox; empty: this app's own /sandbox while <c>Sandbox:Enabled</c> (see <see cref="Runner.BotSandbox"/>).</summary>
    public string? SandboxUrl { get; set; }
}
