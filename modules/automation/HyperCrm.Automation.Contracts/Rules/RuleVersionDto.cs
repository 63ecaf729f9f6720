namespace HyperCrm.Automation.Rules;

public sealed record RuleVersionDto(Guid Id, int Number, string PublishedBy, DateTimeOffset PublishedAt, string? Note, bool IsActive,
    RuleDefinitionDto Definition);
