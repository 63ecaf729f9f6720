namespace HyperCrm.Identity.Partners;

/// <summary>Returned once, when a key is created: the plain key is never stored and never shown again.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string PlainKey);
