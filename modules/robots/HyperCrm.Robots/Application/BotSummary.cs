namespace HyperCrm.Robots.Application;

/// <summary>A bot in the list: its state, live version, last run and failure rate over seven days (test runs left out).</summary>
public sealed record BotSummary(Guid Id, string Key, string Name, bool Paused, int LiveVersion, DateTimeOffset? LastRunAt,
    string? LastOutcome, int RunsIn7Days, int FailuresIn7Days, int Waiting)
{
    public double? FailureRate => RunsIn7Days == 0 ? null : (double)FailuresIn7Days / RunsIn7Days;
}
