using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Domain.Rules;

/// <summary>
/// A rule an admin configures. The draft is edited freely; publishing freezes it into a numbered, immutable
/// <see cref="RuleVersion"/> and makes that version active. Rolling back activates an earlier version.
/// </summary>
public sealed class Rule : AuditedAggregateRoot<Guid>
{
    public const int MaxNameLength = 120;

    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    /// <summary>Set for the rules of the default playbook, so seeding finds them again.</summary>
    public string? PlaybookKey { get; private set; }

    public RuleDefinitionDto Draft { get; private set; } = new();
    public bool HasUnpublishedChanges { get; private set; }
    public bool IsEnabled { get; private set; }
    public Guid? ActiveVersionId { get; private set; }
    public int? ActiveVersionNumber { get; private set; }
    public int LatestVersionNumber { get; private set; }

    /// <summary>The trigger of the active version (what the engine looks rules up by).</summary>
    public string? ActiveTrigger { get; private set; }

    private Rule() { }

    public Rule(Guid id, string name, string? description, RuleDefinitionDto draft, string? playbookKey = null)
        : base(id)
    {
        Rename(name, description);
        Draft = draft;
        HasUnpublishedChanges = true;
        PlaybookKey = playbookKey;
    }

    public void Rename(string name, string? description)
    {
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), MaxNameLength).Trim();
        Description = Check.Length(string.IsNullOrWhiteSpace(description) ? null : description.Trim(), 1000);
    }

    public void SaveDraft(RuleDefinitionDto draft)
    {
        Draft = draft ?? throw new ArgumentNullException(nameof(draft));
        HasUnpublishedChanges = true;
    }

    /// <summary>Freezes the draft (already validated by the caller) as the next version and activates it.</summary>
    public RuleVersion Publish(string publishedBy, DateTimeOffset at, string? note)
    {
        var version = new RuleVersion(Guid.CreateVersion7(at), Id, LatestVersionNumber + 1, Draft, publishedBy, at, note);
        LatestVersionNumber = version.Number;
        HasUnpublishedChanges = false;
        Activate(version);
        IsEnabled = true;
        AddDistributedEvent(new RulePublishedEto(Id, Name, version.Number, publishedBy, CreationTime == default ? at : CreationTime, at));
        return version;
    }

    /// <summary>Makes an earlier (or the latest) version the one new runs use.</summary>
    public void Activate(RuleVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.RuleId != Id) throw new BusinessException("Automation:WrongVersion", "That version belongs to another rule.");
        ActiveVersionId = version.Id;
        ActiveVersionNumber = version.Number;
        ActiveTrigger = version.Definition.Trigger;
    }

    public void Enable()
    {
        if (ActiveVersionId is null) throw new BusinessException("Automation:NotPublished", "Publish the rule before enabling it.");
        IsEnabled = true;
    }

    public void Disable() => IsEnabled = false;
}
