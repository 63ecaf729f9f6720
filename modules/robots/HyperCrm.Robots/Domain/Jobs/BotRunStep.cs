namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>
/// One step of a run as it happened: which (<c>3</c>, or <c>4.2</c> inside a repeat's second item), what it did, where the
/// page was, what it read or typed (a secret is never recorded), how long it took, and its screenshot.
/// </summary>
public sealed record BotRunStep(string Path, string Kind, string What, DateTimeOffset At, long Ms, string? Url, string? Value,
    string Outcome, Guid? ScreenshotId = null, string? Error = null)
{
    public const string Done = "done";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
