using Microsoft.AspNetCore.Authorization;

namespace HyperCrm.Framework.Security;

public sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await checker.IsGrantedAsync(context.User, requirement.PermissionName)) context.Succeed(requirement);
    }
}
