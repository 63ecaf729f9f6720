using HyperCrm.Framework.Security;

namespace HyperCrm.Intelligence;

public sealed class IntelligencePermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(IntelligencePermissions.GroupName, "Permission:Intelligence", typeof(IntelligenceResource))
            .AddPermission(IntelligencePermissions.Models, "Permission:Models", HyperRoles.Support)
            .AddPermission(IntelligencePermissions.ManageModels, "Permission:Models.Manage")
            .AddPermission(IntelligencePermissions.DecideRisk, "Permission:DecideRisk", HyperRoles.Support);
}
