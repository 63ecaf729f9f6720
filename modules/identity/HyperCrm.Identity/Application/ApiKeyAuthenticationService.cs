using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class ApiKeyAuthenticationService(IdentityDbContext db, TimeProvider clock) : IApiKeyAuthenticationService
{
    /// <summary>Last-used times are written at most this often per key, so busy keys cost no write per request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyIdentityDto?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presentedKey) || presentedKey.Length > 512) return null;
        var hash = ApiKey.Hash(presentedKey);
        var found = await (from key in db.ApiKeys.AsNoTracking()
                           join partner in db.Partners.AsNoTracking() on key.PartnerId equals partner.Id
                           where key.KeyHash == hash && key.RevokedTime == null && partner.IsActive
                           select new { key.Id, key.PartnerId, partner.Name, key.Scopes, key.LastUsedTime })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;

        var now = clock.GetUtcNow();
        if (found.LastUsedTime is null || now - found.LastUsedTime > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedTime, now), cancellationToken);
        }
        return new ApiKeyIdentityDto(found.Id, found.PartnerId, found.Name, found.Scopes);
    }
}
