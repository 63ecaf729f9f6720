namespace HyperCrm.Automation.Rules;

/// <summary>One line of a dry-run report: what the tested version would do for one recorded event, beside what the live version
/// did.</summary>
public sealed record DryRunItemDto(Guid EventId, DateTimeOffset OccurredAt, string Summary, Guid? SubjectId, bool WouldRun,
    IReadOnlyList<string> WouldDo, string? LiveOutcome, IReadOnlyList<string> LiveDid);
