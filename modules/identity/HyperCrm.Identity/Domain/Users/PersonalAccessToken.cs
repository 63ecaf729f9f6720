using System.Security.Cryptography;
using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Domain.Partners;

namespace HyperCrm.Identity.Domain.Users;

/// <summary>
/// A staff member's token for an outside assistant (MCP): it acts as its owner, with the owner's permissions as they are at
/// each request (a role taken away is taken from the token too), until it expires or is revoked. Only its SHA-256 hash is
/// stored; the plain token is shown once, when it is created.
/// </summary>
public sealed class PersonalAccessToken : AggregateRoot<Guid>
{
    public const string Marker = "hcpat_";
    public const int MaxNameLength = 80;
    public const int MaxDays = 365;

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Prefix { get; private set; } = string.Empty;
    public string TokenHash { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private PersonalAccessToken() { }

    public PersonalAccessToken(Guid id, Guid userId, string name, string plainToken, int days, DateTimeOffset now) : base(id)
    {
        UserId = userId;
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), MaxNameLength).Trim();
        if (days is < 1 or > MaxDays)
            throw new BusinessException("Identity:TokenLifetime", $"A token lives 1 to {MaxDays} days.");
        Prefix = plainToken[..(Marker.Length + 4)];
        TokenHash = ApiKey.Hash(plainToken);
        CreatedAt = now;
        ExpiresAt = now.AddDays(days);
    }

    public static string Generate() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=')
        .Replace('+', '-').Replace('/', '_');

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
