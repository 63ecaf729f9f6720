namespace HyperCrm.Identity.Web.Api;

public sealed record PartnerSelfDto(Guid PartnerId, string Partner, Guid KeyId, IReadOnlyList<string> Scopes);
