using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

/// <summary>
/// Turns a presented personal access token into its owner, as the sign-in cookie would (the same roles, hence the same
/// permissions, read now), marked with the token's id; none for an unknown, expired or revoked token or a disabled person.
/// </summary>
public sealed class PersonalAccessTokenAuthenticator(IdentityDbContext db, UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
{
    /// <summary>Last-used times are written at most this often per token.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool LooksLikeToken(string presented) =>
        presented.StartsWith(PersonalAccessToken.Marker, StringComparison.Ordinal);

    public async Task<ClaimsPrincipal?> AuthenticateAsync(string presented, string scheme, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 512) return null;
        var hash = ApiKey.Hash(presented);
        var now = clock.GetUtcNow();
        var token = await db.PersonalAccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || !token.IsUsable(now)) return null;
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user)) return null;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, scheme);
        identity.AddClaim(new Claim(HyperClaimTypes.TokenId, token.Id.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
