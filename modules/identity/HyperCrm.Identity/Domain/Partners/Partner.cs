using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;

namespace HyperCrm.Identity.Domain.Partners;

/// <summary>A web shop, marketplace or reseller that calls the public API with its own keys and sees only its own data.</summary>
public sealed class Partner : AuditedAggregateRoot<Guid>
{
    public string Name { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public bool IsActive { get; private set; } = true;

    private Partner() { }

    public Partner(Guid id, string name, string displayName)
        : base(id)
    {
        CheckRule(new PartnerNameMustBeSlugRule(name));
        Name = name;
        DisplayName = Check.NotNullOrWhiteSpace(displayName, nameof(displayName), PartnerConsts.MaxDisplayNameLength).Trim();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
