namespace HyperCrm.Automation.Rules;

public sealed record RuleListItemDto(
    Guid Id, string Name, string Trigger, bool IsEnabled, int? ActiveVersion, int LatestVersion, bool HasUnpublishedChanges,
    DateTimeOffset? LastRunAt, int RunsLast7Days, int FailedLast7Days)
{
    public double ErrorRate => RunsLast7Days == 0 ? 0 : (double)FailedLast7Days / RunsLast7Days;
}
