using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HyperCrm.Framework.Security;

/// <summary>Any defined permission name is also a policy name ([Authorize("Identity.Users")]); "scope:x" requires an API key
/// scope.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionDefinitionManager definitions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null) return policy;
        if (HyperCrm.Framework.Web.HyperApi.TryParseScopePolicy(policyName, out var scope))
        {
            return new AuthorizationPolicyBuilder(HyperCrm.Framework.Web.HyperApi.ApiKeyScheme)
                .RequireAuthenticatedUser().RequireClaim(HyperClaimTypes.Scope, scope).Build();
        }
        if (!definitions.IsDefined(policyName)) return null;
        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build();
    }
}
