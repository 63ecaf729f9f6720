using System.Security.Claims;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Partners;
using HyperCrm.Identity.Roles;
using HyperCrm.Identity.Users;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Identity;

public sealed class IdentityHostFixture : PostgresDatabaseFixture
{
    public const string AdminEmail = "root@test.local";
    public ModuleTestHost Host { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await ModuleTestHost.StartAsync<IdentityModule>(ConnectionString, new Dictionary<string, string?>
        {
            ["HYPERCRM_ADMIN_EMAIL"] = AdminEmail,
            ["HYPERCRM_ADMIN_PASSWORD"] = "a long enough admin passphrase",
            ["HYPERCRM_BOOTSTRAP_API_KEYS"] =
                "shop-one:shop-one-key-0123456789-abcdefghijklmnop,shop-two:shop-two-key-0123456789-abcdefghijklmnop," +
                "shop-short:too-short-0123456789",
        }, services => services.AddSingleton<ISettingDefinitionProvider, SecretSettingProvider>());
    }

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class IdentityApplicationTests(IdentityHostFixture fixture) : IClassFixture<IdentityHostFixture>
{
    private ModuleTestHost Host => fixture.Host;

    [Fact]
    public async Task Seeding_Should_Create_The_Static_Roles_And_The_First_Admin_Once()
    {
        var roles = await Host.InScopeAsync(sp => sp.GetRequiredService<IRoleAppService>().GetListAsync());
        roles.Select(r => r.Name).ShouldBe([HyperRoles.Admin, HyperRoles.Sales, HyperRoles.Support], ignoreOrder: true);
        roles.ShouldAllBe(r => r.IsStatic);

        await Host.Services.GetRequiredService<HyperCrm.Framework.Hosting.DataSeeder>().SeedAsync(CancellationToken.None);

        var users = await Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .GetListAsync(new GetUserListInput { Filter = "root@" }));
        var admin = users.Items.ShouldHaveSingleItem();
        admin.Email.ShouldBe(IdentityHostFixture.AdminEmail);
        admin.Roles.ShouldBe([HyperRoles.Admin]);
    }

    [Fact]
    public async Task Bootstrap_Keys_Should_Authenticate_As_Their_Partner_With_Every_Scope()
    {
        var identity = await Host.InScopeAsync(sp => sp.GetRequiredService<IApiKeyAuthenticationService>()
            .AuthenticateAsync("shop-two-key-0123456789-abcdefghijklmnop"));

        identity.ShouldNotBeNull();
        identity.PartnerName.ShouldBe("shop-two");
        identity.Scopes.ShouldBe(ApiScopes.All, ignoreOrder: true);
    }

    [Fact]
    public async Task A_Bootstrap_Key_Should_Be_Long_And_Be_Revoked_Once_Taken_Out_Of_The_Configuration()
    {
        const string kept = "shop-one:shop-one-key-0123456789-abcdefghijklmnop,shop-two:shop-two-key-0123456789-abcdefghijklmnop";
        const string extraKey = "shop-three-key-0123456789-abcdefghijklmn";
        (await AuthenticateAsync("too-short-0123456789")).ShouldBeNull();

        await SeedBootstrapKeysAsync($"{kept},shop-three:{extraKey}");
        (await AuthenticateAsync(extraKey)).ShouldNotBeNull();

        await SeedBootstrapKeysAsync(kept);
        (await AuthenticateAsync(extraKey)).ShouldBeNull();
        (await AuthenticateAsync("shop-one-key-0123456789-abcdefghijklmnop")).ShouldNotBeNull();
        (await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(async sp =>
        {
            var partners = sp.GetRequiredService<IPartnerAppService>();
            var partner = (await partners.GetListAsync()).First(p => p.Name == "shop-one");
            return await partners.CreateKeyAsync(partner.Id, new CreateApiKeyDto { Name = "bootstrap", Scopes = [ApiScopes.OrdersRead] });
        }))).Code.ShouldBe("Identity:ReservedKeyName");
    }

    private Task<ApiKeyIdentityDto?> AuthenticateAsync(string key) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IApiKeyAuthenticationService>().AuthenticateAsync(key));

    private Task SeedBootstrapKeysAsync(string pairs) => Host.InScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<HyperCrm.Identity.Application.BootstrapApiKeysSeedContributor>(sp,
            (IConfiguration)new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["HYPERCRM_BOOTSTRAP_API_KEYS"] = pairs }).Build())
            .SeedAsync(CancellationToken.None));

    [Fact]
    public async Task A_Created_Key_Should_Work_Until_Revoked_And_Be_Stored_Only_As_A_Hash()
    {
        var partner = await Host.InScopeAsync(sp => sp.GetRequiredService<IPartnerAppService>()
            .CreateAsync(new CreatePartnerDto { Name = "key-lifecycle", DisplayName = "Key lifecycle shop" }));
        var created = await Host.InScopeAsync(sp => sp.GetRequiredService<IPartnerAppService>()
            .CreateKeyAsync(partner.Id, new CreateApiKeyDto { Name = "prod", Scopes = [ApiScopes.OrdersRead] }));

        var identity = await Host.InScopeAsync(sp => sp.GetRequiredService<IApiKeyAuthenticationService>()
            .AuthenticateAsync(created.PlainKey));
        identity!.PartnerId.ShouldBe(partner.Id);
        identity.Scopes.ShouldBe([ApiScopes.OrdersRead]);
        var stored = await Host.InScopeAsync(sp => sp.GetRequiredService<IdentityDbContext>().ApiKeys.AsNoTracking().SingleAsync(k =>
            k.Id == created.Key.Id));
        stored.KeyHash.ShouldNotBe(created.PlainKey);
        stored.LastUsedTime.ShouldNotBeNull();

        await Host.InScopeAsync(sp => sp.GetRequiredService<IPartnerAppService>().RevokeKeyAsync(partner.Id, created.Key.Id));

        (await Host.InScopeAsync(sp => sp.GetRequiredService<IApiKeyAuthenticationService>().AuthenticateAsync(created.PlainKey)))
            .ShouldBeNull();
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IApiKeyAuthenticationService>().AuthenticateAsync(created.PlainKey + "x")))
            .ShouldBeNull();
        var audit = await Host.InScopeAsync(sp => sp.GetRequiredService<IdentityDbContext>().SecurityAuditLog.AsNoTracking()
            .Where(e => e.Subject == "key-lifecycle").Select(e => e.Action).ToListAsync());
        audit.ShouldBe(["partner.created", "api_key.created", "api_key.revoked"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_Duplicate_Partner_Should_Be_A_Conflict_And_Write_Nothing()
    {
        var error = await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IPartnerAppService>()
            .CreateAsync(new CreatePartnerDto { Name = "shop-one", DisplayName = "Again" })));

        error.Code.ShouldBe("Identity:DuplicatePartner");
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IdentityDbContext>().Partners.CountAsync(p => p.Name == "shop-one")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task An_Invited_User_Should_Get_Roles_And_Wait_For_The_Invitation()
    {
        var invitation = await Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .InviteAsync(new InviteUserDto { Email = "olga@test.local", DisplayName = "Olga", Roles = [HyperRoles.Sales] }));

        invitation.Token.ShouldNotBeNullOrWhiteSpace();
        var user = await Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>().GetAsync(invitation.UserId));
        user.InvitationPending.ShouldBeTrue();
        user.Roles.ShouldBe([HyperRoles.Sales]);

        var duplicate = await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .InviteAsync(new InviteUserDto { Email = "olga@test.local", DisplayName = "Olga again" })));
        duplicate.Code.ShouldBe("Identity:DuplicateEmail");
        var unknownRole = await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .InviteAsync(new InviteUserDto { Email = "ivan@test.local", DisplayName = "Ivan", Roles = ["wizard"] })));
        unknownRole.Code.ShouldBe("Identity:UnknownRole");
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IdentityDbContext>().Users.CountAsync(u => u.Email == "ivan@test.local")))
            .ShouldBe(0);
    }

    [Fact]
    public async Task The_Last_Active_Admin_Should_Not_Be_Disabled_Or_Demoted()
    {
        var admin = (await Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .GetListAsync(new GetUserListInput { Filter = "root@" }))).Items.Single();

        (await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .SetActiveAsync(admin.Id, false))))
            .Code.ShouldBe("Identity:LastAdmin");
        (await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>()
            .SetRolesAsync(admin.Id, [HyperRoles.Sales]))))
            .Code.ShouldBe("Identity:LastAdmin");
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IUserAppService>().GetAsync(admin.Id))).Roles.ShouldBe([HyperRoles.Admin]);
    }

    [Fact]
    public async Task Granted_Permissions_Should_Decide_Checks_And_Admin_Should_Hold_All()
    {
        await Host.InScopeAsync(sp => sp.GetRequiredService<IRoleAppService>().SetPermissionsAsync(HyperRoles.Support,
            [IdentityPermissions.Users.Default]));

        await Host.InScopeAsync(async sp =>
        {
            var checker = sp.GetRequiredService<IPermissionChecker>();
            var support = Principal(HyperRoles.Support);
            (await checker.IsGrantedAsync(support, IdentityPermissions.Users.Default)).ShouldBeTrue();
            (await checker.IsGrantedAsync(support, IdentityPermissions.Users.Manage)).ShouldBeFalse();
            (await checker.IsGrantedAsync(Principal(HyperRoles.Admin), IdentityPermissions.Partners.ManageKeys)).ShouldBeTrue();
            (await checker.IsGrantedAsync(Principal(HyperRoles.Sales), IdentityPermissions.Users.Default)).ShouldBeFalse();
            (await checker.IsGrantedAsync(support, "Not.A.Permission")).ShouldBeFalse();
        });
        (await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IRoleAppService>()
            .SetPermissionsAsync(HyperRoles.Sales, ["Not.A.Permission"]))))
            .Code.ShouldBe("Identity:UnknownPermission");
    }

    [Fact]
    public async Task Encrypted_Settings_Should_Be_Stored_Protected_And_Read_Back_Plain()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<ISettingManager>();
        var definitions = scope.ServiceProvider.GetRequiredService<SettingDefinitionManager>();
        definitions.All.ShouldContain(d => d.Name == SecretSettingProvider.Name);

        await settings.SetAsync(SecretSettingProvider.Name, "s3cr3t-connector-key");

        (await settings.GetAsync(SecretSettingProvider.Name)).ShouldBe("s3cr3t-connector-key");
        var stored = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Settings.AsNoTracking().SingleAsync(s =>
            s.Name == SecretSettingProvider.Name);
        stored.Value.ShouldNotContain("s3cr3t");
        (await Should.ThrowAsync<BusinessException>(() => settings.SetAsync(SecretSettingProvider.Retries,
            "many"))).Code.ShouldBe("Settings:InvalidValue");
    }

    private static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role)],
            "test"));
}
