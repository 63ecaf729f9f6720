using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Identity.Partners;

public sealed record PartnerDto(Guid Id, string Name, string DisplayName, bool IsActive, DateTimeOffset CreationTime, int ActiveKeyCount);

public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUsedTime,
    DateTimeOffset? RevokedTime);

/// <summary>Returned once, when a key is created: the plain key is never stored and never shown again.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string PlainKey);

public sealed class CreatePartnerDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [RegularExpression(PartnerConsts.NamePattern, ErrorMessage = "Partner:NameFormat")]
    [StringLength(PartnerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "PartnerName")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(PartnerConsts.MaxDisplayNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "DisplayName")]
    public string DisplayName { get; set; } = string.Empty;
}

public sealed class CreateApiKeyDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(PartnerConsts.MaxKeyNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "KeyName")]
    public string Name { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];
}

public static class PartnerConsts
{
    /// <summary>A partner's name is its id in URLs and webhooks (<c>/hooks/shop/{source}</c>): lowercase, digits, dashes.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9-]*$";
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 128;
    public const int MaxKeyNameLength = 64;
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 256;
}

public interface IPartnerAppService
{
    Task<IReadOnlyList<PartnerDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<PartnerDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PartnerDto> CreateAsync(CreatePartnerDto input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKeyDto>> GetKeysAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<CreatedApiKeyDto> CreateKeyAsync(Guid partnerId, CreateApiKeyDto input, CancellationToken cancellationToken = default);

    Task RevokeKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken = default);
}

/// <summary>What other modules may ask of partners (no permission checks: callers have already authenticated the source).</summary>
public interface IPartnerIntegrationService
{
    /// <summary>The partner with this name, created (active, no keys) when it does not exist yet; null when it is deactivated.</summary>
    Task<Guid?> EnsureAsync(string name, CancellationToken cancellationToken = default);

    Task<string?> FindNameAsync(Guid id, CancellationToken cancellationToken = default);
}
