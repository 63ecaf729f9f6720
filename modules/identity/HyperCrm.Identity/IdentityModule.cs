using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Application;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Partners;
using HyperCrm.Identity.Roles;
using HyperCrm.Identity.Tokens;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Identity;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(IdentityContractsModule))]
public sealed class IdentityModule : HyperModule
{
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<IdentityDbContext>();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = UserConsts.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager<HyperSignInManager>()
            .AddClaimsPrincipalFactory<HyperUserClaimsPrincipalFactory>()
            .AddPasswordValidator<PassphraseValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<IUserAppService, UserAppService>();
        services.AddScoped<IRoleAppService, RoleAppService>();
        services.AddScoped<PrivilegeGuard>();
        services.AddScoped<IPartnerAppService, PartnerAppService>();
        services.AddScoped<IPartnerIntegrationService, PartnerIntegrationService>();
        services.AddScoped<IUserIntegrationService, UserIntegrationService>();
        services.AddScoped<ISecurityAuditAppService, SecurityAuditAppService>();
        services.AddScoped<ISecurityAuditLogger, SecurityAuditLogger>();
        services.AddScoped<IApiKeyAuthenticationService, ApiKeyAuthenticationService>();
        services.AddScoped<IPersonalAccessTokenAppService, PersonalAccessTokenAppService>();
        services.AddScoped<PersonalAccessTokenAuthenticator>();
        services.AddScoped<IPermissionStore, PermissionStore>();
        services.AddScoped<IDataSeedContributor, IdentityDataSeedContributor>();
        services.AddScoped<IDataSeedContributor, BootstrapApiKeysSeedContributor>();
        services.AddScoped<IDataSeedContributor, DefaultPermissionGrantsSeedContributor>();
    }
}
