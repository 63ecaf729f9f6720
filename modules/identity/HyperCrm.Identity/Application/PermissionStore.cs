using HyperCrm.Framework.Security;
using HyperCrm.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HyperCrm.Identity.Application;

/// <summary>Grants per role, cached briefly (a change here evicts at once; other instances see it within the TTL).</summary>
public sealed class PermissionStore(IdentityDbContext db, IMemoryCache cache) : IPermissionStore
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(IReadOnlyCollection<string> roleNames,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roleNames)
        {
            var permissions = await cache.GetOrCreateAsync(CacheKey(role), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheTtl;
                return await db.PermissionGrants.AsNoTracking().Where(g => g.RoleName == role).Select(g => g.PermissionName)
                    .ToListAsync(cancellationToken);
            });
            granted.UnionWith(permissions ?? []);
        }
        return granted;
    }

    public static string CacheKey(string roleName) => "permission-grants:" + roleName;
}
