using System.Security.Claims;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity;
using HyperCrm.Identity.Roles;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Identity;

/// <summary>Nobody grants what they do not hold; only admins grant the admin role or identity permissions; nobody changes their own
/// roles.</summary>
public sealed class PrivilegeTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    [Fact]
    public async Task A_User_Manager_Should_Not_Make_Anyone_Admin_Nor_Give_Roles_Holding_More_Than_It_Holds_Nor_Touch_Its_Own()
    {
        // The support role may manage users, and nothing else of note.
        await AsSystemAsync(sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Support,
            [IdentityPermissions.Users.Default, IdentityPermissions.Users.Manage]));
        await AsSystemAsync(sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Sales,
            [PlatformPermissions.Settings]));
        var manager = await InviteAsync("manager@privilege.test", HyperRoles.Support);
        var colleague = await InviteAsync("colleague@privilege.test");

        var asManager = Principal(manager, HyperRoles.Support);
        (await RefusedAsync(asManager, sp => sp.GetRequiredService<IUserAppService>().SetRolesAsync(manager, [HyperRoles.Support,
            HyperRoles.Admin]))).Code.ShouldBe("Identity:CannotChangeOwnRoles");
        (await RefusedAsync(asManager, sp => sp.GetRequiredService<IUserAppService>().SetRolesAsync(colleague,
            [HyperRoles.Admin]))).Code.ShouldBeOneOf("Identity:PrivilegeEscalation", "Identity:CannotChangeOwnRoles");
        // Sales holds Platform.Settings, which the manager does not.
        (await RefusedAsync(asManager, sp => sp.GetRequiredService<IUserAppService>().SetRolesAsync(colleague,
            [HyperRoles.Sales]))).Message.ShouldContain(PlatformPermissions.Settings);
        // Support holds identity permissions: only an admin hands those out, even to a colleague.
        await RefusedAsync(asManager, sp => sp.GetRequiredService<IUserAppService>().SetRolesAsync(colleague, [HyperRoles.Support]));
        await RefusedAsync(asManager,
            sp => sp.GetRequiredService<IUserAppService>().InviteAsync(new InviteUserDto { Email = "new-admin@privilege.test",
                DisplayName = "New", Roles = [HyperRoles.Admin] }));

        (await AsAsync(null, sp => sp.GetRequiredService<IUserAppService>().GetAsync(colleague))).Roles.ShouldBeEmpty();
        (await AsAsync(null, sp => sp.GetRequiredService<IUserAppService>().GetAsync(manager))).Roles.ShouldBe([HyperRoles.Support]);

        // An admin may do all of it.
        var admin = (await AsAsync(null,
            sp => sp.GetRequiredService<IUserAppService>().GetListAsync(new GetUserListInput { Filter = IdentityHostFixture.AdminEmail })))
                .Items.Single().Id;
        await AsAsync(Principal(admin, HyperRoles.Admin),
            async sp => { await sp.GetRequiredService<IUserAppService>().SetRolesAsync(colleague, [HyperRoles.Sales]); return true; });
        (await AsAsync(null, sp => sp.GetRequiredService<IUserAppService>().GetAsync(colleague))).Roles.ShouldBe([HyperRoles.Sales]);
    }

    [Fact]
    public async Task A_Permission_Manager_Should_Grant_Only_What_It_Holds_And_Never_Identity_Permissions()
    {
        await AsSystemAsync(sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Support,
            [IdentityPermissions.Roles.Default, IdentityPermissions.Roles.ManagePermissions, PlatformPermissions.Settings]));
        var roleManager = await InviteAsync("roles@privilege.test", HyperRoles.Support);
        var asRoleManager = Principal(roleManager, HyperRoles.Support);

        // Its own role: one more identity permission would let it take over users.
        (await RefusedAsync(asRoleManager, sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Support,
            [IdentityPermissions.Roles.Default, IdentityPermissions.Roles.ManagePermissions, PlatformPermissions.Settings,
                IdentityPermissions.Users.Manage]))).Code.ShouldBeOneOf("Identity:PrivilegeEscalation", "Identity:CannotChangeOwnRoles");
        (await RefusedAsync(asRoleManager, sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Sales,
            [IdentityPermissions.AuditLog]))).Code.ShouldBeOneOf("Identity:PrivilegeEscalation", "Identity:CannotChangeOwnRoles");

        // What it holds itself, it may pass on.
        await AsAsync(asRoleManager, async sp => { await sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Sales,
            [PlatformPermissions.Settings]); return true; });
        var sales = await AsAsync(null, sp => sp.GetRequiredService<IRoleAppService>().GetPermissionsAsync(HyperRoles.Sales));
        sales.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name).ShouldBe([PlatformPermissions.Settings]);
        var support = await AsAsync(null, sp => sp.GetRequiredService<IRoleAppService>().GetPermissionsAsync(HyperRoles.Support));
        support.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name)
            .ShouldNotContain(IdentityPermissions.Users.Manage);
    }

    private async Task<Guid> InviteAsync(string email, params string[] roles) =>
        (await AsAsync(null, sp => sp.GetRequiredService<IUserAppService>().InviteAsync(new InviteUserDto { Email = email,
            DisplayName = email, Roles = [.. roles] }))).UserId;

    private static ClaimsPrincipal Principal(Guid userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role,
            r))], "test"));

    private Task<bool> AsSystemAsync(Func<IServiceProvider, Task> action) => AsAsync(null, async sp => { await action(sp); return true; });

    private Task<T> AsAsync<T>(ClaimsPrincipal? user, Func<IServiceProvider, Task<T>> action) =>
        fixture.Host.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext = user is null ? null : new DefaultHttpContext { User = user,
                RequestServices = sp };
            try
            {
                return await action(sp);
            }
            finally
            {
                sp.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
            }
        });

    private Task<BusinessException> RefusedAsync(ClaimsPrincipal user, Func<IServiceProvider, Task> action) =>
        AsAsync(user, sp => Should.ThrowAsync<BusinessException>(() => action(sp)));
}
