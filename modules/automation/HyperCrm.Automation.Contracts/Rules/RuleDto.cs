namespace HyperCrm.Automation.Rules;

public sealed record RuleDto(Guid Id, string Name, string? Description, bool IsEnabled, RuleDefinitionDto Draft, int? ActiveVersion,
    int LatestVersion, string ConcurrencyStamp);
