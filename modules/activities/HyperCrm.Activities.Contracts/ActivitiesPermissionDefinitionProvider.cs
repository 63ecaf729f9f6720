using HyperCrm.Framework.Security;

namespace HyperCrm.Activities;

public sealed class ActivitiesPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(ActivitiesPermissions.GroupName, "Permission:Activities", typeof(ActivitiesResource))
            .AddPermission(ActivitiesPermissions.Tasks, "Permission:Tasks", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(ActivitiesPermissions.ManageAllTasks, "Permission:Tasks.ManageAll")
            .AddPermission(ActivitiesPermissions.Approvals, "Permission:Approvals", HyperRoles.Support)
            .AddPermission(ActivitiesPermissions.Notes, "Permission:Notes", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(ActivitiesPermissions.Messages, "Permission:Messages", HyperRoles.Sales, HyperRoles.Support);
}
