using HyperCrm.Framework.Security;

namespace HyperCrm.Robots;

public sealed class RobotsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(RobotsPermissions.GroupName, "Permission:Robots", typeof(RobotsResource))
            .AddPermission(RobotsPermissions.Bots, "Permission:Bots", HyperRoles.Support)
            .AddPermission(RobotsPermissions.ManageBots, "Permission:Bots.Manage");
}
