using HyperCrm.Framework.Security;

namespace HyperCrm.Automation;

public sealed class AutomationPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(AutomationPermissions.GroupName, "Permission:Automation", typeof(AutomationResource))
            .AddPermission(AutomationPermissions.Rules, "Permission:Rules")
            .AddPermission(AutomationPermissions.Publish, "Permission:Rules.Publish")
            .AddPermission(AutomationPermissions.Runs, "Permission:Runs", HyperRoles.Support)
            .AddPermission(AutomationPermissions.OperateRuns, "Permission:Runs.Operate");
}
