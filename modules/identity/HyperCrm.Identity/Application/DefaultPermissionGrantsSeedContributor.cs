using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Permissions;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

/// <summary>
/// Grants each permission to the roles its module names as defaults, once per permission: a module added later gets
/// its defaults on the next start, and a grant an admin revoked is not given back.
/// </summary>
public sealed class DefaultPermissionGrantsSeedContributor(IdentityDbContext db, PermissionDefinitionManager definitions,
    TimeProvider clock) : IDataSeedContributor
{
    public int Order => 5;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var applied = (await db.Set<PermissionDefaultsApplied>().Select(a => a.PermissionName).ToListAsync(cancellationToken)).ToHashSet();
        var existing = (await db.PermissionGrants.Select(g => new { g.RoleName, g.PermissionName }).ToListAsync(cancellationToken))
            .Select(g => (g.RoleName, g.PermissionName)).ToHashSet();
        foreach (var permission in definitions.All.Where(p => !applied.Contains(p.Name)))
        {
            foreach (var role in permission.DefaultRoles.Where(r => r != HyperRoles.Admin && !existing.Contains((r, permission.Name))))
                db.PermissionGrants.Add(new PermissionGrant(role, permission.Name));
            db.Set<PermissionDefaultsApplied>().Add(new PermissionDefaultsApplied(permission.Name, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
