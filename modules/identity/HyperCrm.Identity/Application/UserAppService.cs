using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class UserAppService(
    UserManager<AppUser> userManager,
    IdentityDbContext db,
    ICurrentUser currentUser,
    PrivilegeGuard privileges,
    ISecurityAuditLogger audit,
    TimeProvider clock) : IUserAppService
{
    public async Task<PagedResultDto<UserDto>> GetListAsync(GetUserListInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            var pattern = LikePattern.Contains(input.Filter.Trim());
            query = query.Where(u => EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.DisplayName,
                pattern, LikePattern.EscapeCharacter));
        }
        var total = await query.LongCountAsync(cancellationToken);
        var users = await query.OrderBy(u => u.Email).Skip(input.Skip).Take(input.Take).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(users.Select(u => u.Id).ToList(), cancellationToken);
        return new PagedResultDto<UserDto>(total, users.Select(u => ToDto(u, roles)).ToList());
    }

    public async Task<UserDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
                   ?? throw new EntityNotFoundException(typeof(AppUser), id);
        return ToDto(user, await RolesOfAsync([id], cancellationToken));
    }

    public async Task<InvitationDto> InviteAsync(InviteUserDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = input.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
            throw new BusinessException("Identity:DuplicateEmail", $"A user with the email {email} already exists.");
        await EnsureRolesExistAsync(input.Roles, cancellationToken);
        await privileges.EnsureMayAssignAsync(null, input.Roles, cancellationToken);

        var user = new AppUser(Guid.CreateVersion7(), email, input.DisplayName, clock.GetUtcNow(), invitationPending: true);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await userManager.CreateAsync(user));
        if (input.Roles.Count > 0) ThrowIfFailed(await userManager.AddToRolesAsync(user, input.Roles.Distinct()));
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        await transaction.CommitAsync(cancellationToken);

        await audit.LogAsync(SecurityActions.UserInvited, true, email, $"roles: {string.Join(", ", input.Roles)}", cancellationToken);
        return new InvitationDto(user.Id, email, token);
    }

    public async Task SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var user = await FindAsync(id);
        await EnsureRolesExistAsync(roles, cancellationToken);
        var current = await userManager.GetRolesAsync(user);
        await privileges.EnsureMayAssignAsync(id, roles.Except(current).ToList(), cancellationToken);
        // Taking a role away is no escalation, but the admin role stays with someone, and only an admin takes it away.
        if (current.Contains(HyperRoles.Admin) && !roles.Contains(HyperRoles.Admin))
        {
            await privileges.EnsureMayAssignAsync(id, [HyperRoles.Admin], cancellationToken);
            await EnsureAnotherActiveAdminAsync(id, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await userManager.RemoveFromRolesAsync(user, current.Except(roles)));
        ThrowIfFailed(await userManager.AddToRolesAsync(user, roles.Except(current).Distinct()));
        ThrowIfFailed(await userManager.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.UserRolesChanged, true, user.Email,
            $"from [{string.Join(", ", current.Order())}] to [{string.Join(", ", roles.Order())}]", cancellationToken);
    }

    public async Task SetActiveAsync(Guid id, bool isActive, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id);
        if (!isActive)
        {
            if (id == currentUser.Id) throw new BusinessException("Identity:CannotDisableSelf", "You cannot disable your own account.");
            if (await userManager.IsInRoleAsync(user, HyperRoles.Admin)) await EnsureAnotherActiveAdminAsync(id, cancellationToken);
            user.Deactivate();
        }
        else
        {
            user.Activate();
        }
        ThrowIfFailed(await userManager.UpdateSecurityStampAsync(user));
        await audit.LogAsync(isActive ? SecurityActions.UserEnabled : SecurityActions.UserDisabled, true, user.Email, null,
            cancellationToken);
    }

    public async Task UnlockAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id);
        ThrowIfFailed(await userManager.SetLockoutEndDateAsync(user, null));
        ThrowIfFailed(await userManager.ResetAccessFailedCountAsync(user));
        await audit.LogAsync(SecurityActions.UserUnlocked, true, user.Email, null, cancellationToken);
    }

    private async Task<AppUser> FindAsync(Guid id) =>
        await userManager.FindByIdAsync(id.ToString()) ?? throw new EntityNotFoundException(typeof(AppUser), id);

    private async Task EnsureRolesExistAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var known = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        var unknown = roles.Except(known).ToList();
        if (unknown.Count > 0) throw new BusinessException("Identity:UnknownRole", $"Unknown role(s): {string.Join(", ", unknown)}.");
    }

    private async Task EnsureAnotherActiveAdminAsync(Guid exceptUserId, CancellationToken cancellationToken)
    {
        var others = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == HyperRoles.Admin && u.Id != exceptUserId && u.IsActive
                            select u.Id).AnyAsync(cancellationToken);
        if (!others) throw new BusinessException("Identity:LastAdmin", "This is the last active admin; make someone else admin first.");
    }

    private async Task<ILookup<Guid, string>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where userIds.Contains(ur.UserId)
                select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
        .ToLookup(x => x.UserId, x => x.Name!);

    private UserDto ToDto(AppUser user, ILookup<Guid, string> roles) => new(
        user.Id, user.Email!, user.DisplayName, user.IsActive, user.TwoFactorEnabled, user.InvitationPending,
        roles[user.Id].Order().ToList(), user.CreationTime, user.LastSignInTime,
        user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : null);

    internal static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new BusinessException("Identity:" + (result.Errors.FirstOrDefault()?.Code ?? "Failed"),
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
