using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HyperCrm.Identity.Application;

/// <summary>Adds the display name to the sign-in cookie so pages can greet the user without a query.</summary>
public sealed class HyperUserClaimsPrincipalFactory(UserManager<AppUser> userManager, RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HyperClaimTypes.DisplayName, user.DisplayName));
        return identity;
    }
}
