namespace HyperCrm.Analytics.Mining;

/// <summary>One order behind a number, as the drill-down lists it.</summary>
public sealed record CaseRow(Guid CaseId, string? Label, DateTimeOffset StartedAt, DateTimeOffset LastAt, string LastActivity,
    int HumanSteps,
    int AutomatedSteps, string Variant);
