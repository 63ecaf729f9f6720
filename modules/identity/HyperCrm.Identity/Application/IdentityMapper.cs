using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Audit;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Partners;
using Riok.Mapperly.Abstractions;

namespace HyperCrm.Identity.Application;

[Mapper]
public static partial class IdentityMapper
{
    [MapperIgnoreSource(nameof(ApiKey.PartnerId))]
    [MapperIgnoreSource(nameof(ApiKey.KeyHash))]
    [MapperIgnoreSource(nameof(ApiKey.RevokedBy))]
    [MapperIgnoreSource(nameof(ApiKey.IsRevoked))]
    [MapperIgnoreSource(nameof(ApiKey.ConcurrencyStamp))]
    [MapperIgnoreSource(nameof(ApiKey.CreatorId))]
    [MapperIgnoreSource(nameof(ApiKey.LastModificationTime))]
    [MapperIgnoreSource(nameof(ApiKey.LastModifierId))]
    public static partial ApiKeyDto ToDto(this ApiKey key);

    [MapperIgnoreSource(nameof(SecurityAuditEntry.ActorId))]
    [MapperIgnoreSource(nameof(SecurityAuditEntry.UserAgent))]
    public static partial SecurityAuditEntryDto ToDto(this SecurityAuditEntry entry);

    public static PartnerDto ToDto(this Partner partner, int activeKeyCount) =>
        new(partner.Id, partner.Name, partner.DisplayName, partner.IsActive, partner.CreationTime, activeKeyCount);
}
