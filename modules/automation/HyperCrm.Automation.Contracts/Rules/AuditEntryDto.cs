namespace HyperCrm.Automation.Rules;

public sealed record AuditEntryDto(string Action, string UserName, string? Details, DateTimeOffset At);
