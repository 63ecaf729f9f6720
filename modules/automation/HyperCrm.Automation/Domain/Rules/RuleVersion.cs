using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Domain.Rules;

/// <summary>A published, immutable version of a rule. Runs remember the version they ran.</summary>
public sealed class RuleVersion : Entity<Guid>
{
    public Guid RuleId { get; private set; }
    public int Number { get; private set; }
    public RuleDefinitionDto Definition { get; private set; } = new();
    public string PublishedBy { get; private set; } = string.Empty;
    public DateTimeOffset PublishedAt { get; private set; }
    public string? Note { get; private set; }

    private RuleVersion() { }

    internal RuleVersion(Guid id, Guid ruleId, int number, RuleDefinitionDto definition, string publishedBy, DateTimeOffset publishedAt,
        string? note)
        : base(id)
    {
        RuleId = ruleId;
        Number = number;
        Definition = definition;
        PublishedBy = publishedBy;
        PublishedAt = publishedAt;
        Note = Check.Length(string.IsNullOrWhiteSpace(note) ? null : note.Trim(), 500);
    }
}
