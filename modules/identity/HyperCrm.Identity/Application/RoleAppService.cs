using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Permissions;
using HyperCrm.Identity.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Application;

public sealed class RoleAppService(
    IdentityDbContext db,
    PermissionDefinitionManager definitions,
    IStringLocalizerFactory localizers,
    IMemoryCache cache,
    PrivilegeGuard privileges,
    ISecurityAuditLogger audit) : IRoleAppService
{
    public async Task<IReadOnlyList<RoleDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new
            {
                r.Id, r.Name, r.IsStatic,
                Users = db.UserRoles.Count(ur => ur.RoleId == r.Id),
                Grants = db.PermissionGrants.Count(g => g.RoleName == r.Name),
            })
            .ToListAsync(cancellationToken);
        return roles.Select(r => r.Name == HyperRoles.Admin
                ? new RoleDto(r.Id, r.Name!, r.IsStatic, r.Users, definitions.All.Count, true)
                : new RoleDto(r.Id, r.Name!, r.IsStatic, r.Users, r.Grants, false))
            .ToList();
    }

    public async Task<IReadOnlyList<PermissionGroupDto>> GetPermissionsAsync(string roleName, CancellationToken cancellationToken = default)
    {
        await EnsureRoleExistsAsync(roleName, cancellationToken);
        var granted = roleName == HyperRoles.Admin
            ? definitions.All.Select(p => p.Name).ToHashSet()
            : (await db.PermissionGrants.AsNoTracking().Where(g => g.RoleName == roleName).Select(g => g.PermissionName)
                .ToListAsync(cancellationToken)).ToHashSet();
        return definitions.Groups.Select(group =>
        {
            var l = localizers.Create(group.LocalizationResource);
            return new PermissionGroupDto(group.Name, l[group.DisplayNameKey],
                group.Permissions.Select(p => new PermissionGrantDto(p.Name, localizers.Create(p.LocalizationResource)[p.DisplayNameKey],
                    granted.Contains(p.Name))).ToList());
        }).ToList();
    }

    public async Task SetPermissionsAsync(string roleName, IReadOnlyCollection<string> grantedPermissions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grantedPermissions);
        await EnsureRoleExistsAsync(roleName, cancellationToken);
        if (roleName == HyperRoles.Admin)
            throw new BusinessException("Identity:AdminHasAllPermissions", "The admin role always holds every permission.");
        var unknown = grantedPermissions.Where(p => !definitions.IsDefined(p)).ToList();
        if (unknown.Count > 0) throw new BusinessException("Identity:UnknownPermission",
            $"Unknown permission(s): {string.Join(", ", unknown)}.");

        var current = await db.PermissionGrants.Where(g => g.RoleName == roleName).ToListAsync(cancellationToken);
        var added = grantedPermissions.Except(current.Select(g => g.PermissionName)).Distinct().ToList();
        var removed = current.Where(g => !grantedPermissions.Contains(g.PermissionName)).ToList();
        await privileges.EnsureMayGrantAsync(added, cancellationToken);
        db.PermissionGrants.RemoveRange(removed);
        db.PermissionGrants.AddRange(added.Select(p => new PermissionGrant(roleName, p)));
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(PermissionStore.CacheKey(roleName));
        await audit.LogAsync(SecurityActions.RolePermissionsChanged, true, roleName,
            $"granted [{string.Join(", ", added)}], revoked [{string.Join(", ", removed.Select(r => r.PermissionName))}]",
                cancellationToken);
    }

    private async Task EnsureRoleExistsAsync(string roleName, CancellationToken cancellationToken)
    {
        if (!await db.Roles.AnyAsync(r => r.Name == roleName, cancellationToken))
            throw new EntityNotFoundException(typeof(Domain.Users.AppRole), roleName);
    }
}
