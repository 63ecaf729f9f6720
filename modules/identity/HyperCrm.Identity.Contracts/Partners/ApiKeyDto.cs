namespace HyperCrm.Identity.Partners;

public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUsedTime,
    DateTimeOffset? RevokedTime);
