using HyperCrm.Framework.Security;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Users;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class UserIntegrationService(IdentityDbContext db) : IUserIntegrationService
{
    public async Task<IReadOnlyList<StaffContactDto>> GetStaffWithPermissionAsync(string permission,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        var roles = await db.PermissionGrants.AsNoTracking().Where(g => g.PermissionName == permission).Select(g => g.RoleName)
            .ToListAsync(cancellationToken);
        roles.Add(HyperRoles.Admin);
        var roleIds = db.Roles.AsNoTracking().Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.AsNoTracking().Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking().Where(u => u.IsActive && userIds.Contains(u.Id)).OrderBy(u => u.Email)
            .Select(u => new StaffContactDto(u.Id, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
