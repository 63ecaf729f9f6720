using System.Security.Cryptography;
using System.Text;
using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;

namespace HyperCrm.Identity.Domain.Partners;

/// <summary>
/// A partner's API key. Only its SHA-256 hash is stored (keys are long random strings, so a fast hash is
/// enough and lets a lookup use an index); the plain key is shown once, when it is created.
/// </summary>
public sealed class ApiKey : AuditedAggregateRoot<Guid>
{
    public const int PrefixLength = 10;

    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Prefix { get; private set; } = string.Empty;
    public string KeyHash { get; private set; } = string.Empty;
    public List<string> Scopes { get; private set; } = [];
    public DateTimeOffset? LastUsedTime { get; private set; }
    public DateTimeOffset? RevokedTime { get; private set; }
    public Guid? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedTime is not null;

    private ApiKey() { }

    public ApiKey(Guid id, Guid partnerId, string name, string plainKey, IEnumerable<string> scopes)
        : base(id)
    {
        PartnerId = partnerId;
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), PartnerConsts.MaxKeyNameLength).Trim();
        CheckRule(new ApiKeyMustBeLongEnoughRule(plainKey));
        Prefix = plainKey[..PrefixLength];
        KeyHash = Hash(plainKey);
        Scopes = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        CheckRule(new ApiKeyScopesMustBeKnownRule(Scopes));
    }

    public static string Generate() => "hcrm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+',
        '-').Replace('/', '_');

    public static string Hash(string plainKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));

    public void Revoke(DateTimeOffset now, Guid? by)
    {
        if (IsRevoked) return;
        RevokedTime = now;
        RevokedBy = by;
    }
}
