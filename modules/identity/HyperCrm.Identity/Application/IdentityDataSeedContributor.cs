using System.Security.Cryptography;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Identity.Application;

/// <summary>The static roles, and the first admin (from HYPERCRM_ADMIN_EMAIL / HYPERCRM_ADMIN_PASSWORD) when there is none.</summary>
public sealed class IdentityDataSeedContributor(
    RoleManager<AppRole> roleManager,
    UserManager<AppUser> userManager,
    IConfiguration configuration,
    ISecurityAuditLogger audit,
    IStringLocalizer<IdentityResource> l,
    TimeProvider clock,
    ILogger<IdentityDataSeedContributor> logger) : IDataSeedContributor
{
    public const string DefaultAdminEmail = "admin@hypercrm.local";

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in new[] { HyperRoles.Admin, HyperRoles.Sales, HyperRoles.Support })
        {
            if (await roleManager.FindByNameAsync(role) is null)
                UserAppService.ThrowIfFailed(await roleManager.CreateAsync(new AppRole(Guid.CreateVersion7(), role, isStatic: true)));
        }
        if ((await userManager.GetUsersInRoleAsync(HyperRoles.Admin)).Count > 0) return;

        var email = configuration["HYPERCRM_ADMIN_EMAIL"] is { Length: > 0 } configured ? configured : DefaultAdminEmail;
        var password = configuration["HYPERCRM_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        using var language = InstallationCulture.Use(InstallationCulture.Of(configuration));
        var admin = await userManager.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new AppUser(Guid.CreateVersion7(), email, l["Seed:AdminName"].Value, clock.GetUtcNow(), invitationPending: false);
            UserAppService.ThrowIfFailed(await userManager.CreateAsync(admin, password!));
        }
        UserAppService.ThrowIfFailed(await userManager.AddToRoleAsync(admin, HyperRoles.Admin));
        await audit.LogAsync(SecurityActions.UserCreated, true, email, l["Seed:FirstAdmin"].Value, cancellationToken);
        logger.LogWarning("Created the first admin {AdminEmail}", email);
        if (generated)
        {
            // Printed once, to the console only (never to the log sinks): the operator's one chance to read it.
            await Console.Out.WriteLineAsync($"""

                ================================================================
                  HyperCrm first admin:  {email}
                  Password (shown once): {password}
                ================================================================

                """);
        }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
