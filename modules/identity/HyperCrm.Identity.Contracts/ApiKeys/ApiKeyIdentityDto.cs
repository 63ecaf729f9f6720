namespace HyperCrm.Identity.ApiKeys;

public sealed record ApiKeyIdentityDto(Guid KeyId, Guid PartnerId, string PartnerName, IReadOnlyList<string> Scopes);
