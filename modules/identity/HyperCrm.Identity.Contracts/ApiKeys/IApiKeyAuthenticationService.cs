namespace HyperCrm.Identity.ApiKeys;

/// <summary>Turns a presented API key into the partner and scopes it stands for, or null when it is unknown, revoked or its partner is
/// disabled.</summary>
public interface IApiKeyAuthenticationService
{
    Task<ApiKeyIdentityDto?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken = default);
}
