namespace HyperCrm.Automation.Rules;

public sealed record DryRunReportDto(string Trigger, int Version, int EventsExamined, int WouldRun, int LiveRan,
    IReadOnlyList<DryRunItemDto> Items);
