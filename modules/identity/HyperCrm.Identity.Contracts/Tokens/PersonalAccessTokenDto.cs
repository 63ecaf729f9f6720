namespace HyperCrm.Identity.Tokens;

/// <summary>A personal access token as its owner sees it: never the token itself, only its first characters.</summary>
public sealed record PersonalAccessTokenDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
