using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

/// <summary>
/// Who may hand out what. Nobody grants a permission they do not hold; only admins grant the admin role or any identity
/// permission (users, roles, partners, the audit log); nobody changes their own roles. A call with no signed-in person
/// (seeding, the host's own jobs) is the system and is trusted.
/// </summary>
public sealed class PrivilegeGuard(ICurrentUser currentUser, IPermissionStore store, IdentityDbContext db)
{
    /// <summary>The permissions only admins hand out: whoever holds them controls who holds everything else.</summary>
    public static bool IsAdminOnly(string permission) => permission.StartsWith(IdentityPermissions.GroupName + ".",
        StringComparison.Ordinal);

    public async Task EnsureMayGrantAsync(IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        if (permissions.Count == 0 || IsSystemOrAdmin) return;
        var adminOnly = permissions.Where(IsAdminOnly).ToList();
        if (adminOnly.Count > 0)
            throw Refused($"Only an admin grants identity permissions: {string.Join(", ", adminOnly)}.");
        var held = await store.GetGrantedPermissionsAsync(currentUser.Roles, cancellationToken);
        var notHeld = permissions.Where(p => !held.Contains(p)).ToList();
        if (notHeld.Count > 0)
            throw Refused($"You cannot grant permissions you do not hold: {string.Join(", ", notHeld)}.");
    }

    /// <summary>Giving <paramref name="addedRoles"/> to a user grants everything those roles hold.</summary>
    public async Task EnsureMayAssignAsync(Guid? userId, IReadOnlyCollection<string> addedRoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addedRoles);
        if (currentUser.IsAuthenticated && userId is { } target && target == currentUser.Id)
            throw Refused("You cannot change your own roles; ask another admin.", "Identity:CannotChangeOwnRoles");
        if (addedRoles.Count == 0 || IsSystemOrAdmin) return;
        if (addedRoles.Contains(HyperRoles.Admin)) throw Refused("Only an admin gives the admin role.");
        var granted = await db.PermissionGrants.AsNoTracking().Where(g => addedRoles.Contains(g.RoleName)).Select(g => g.PermissionName)
            .Distinct().ToListAsync(cancellationToken);
        await EnsureMayGrantAsync(granted, cancellationToken);
    }

    private bool IsSystemOrAdmin => !currentUser.IsAuthenticated || currentUser.Roles.Contains(HyperRoles.Admin, StringComparer.Ordinal);

    private static BusinessException Refused(string message, string code = "Identity:PrivilegeEscalation") => new(code, message);
}
