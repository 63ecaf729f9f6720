using HyperCrm.Framework.Security;

namespace HyperCrm.Operations;

public sealed class OperationsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(OperationsPermissions.GroupName, "Permission:Operations", typeof(OperationsResource))
            .AddPermission(OperationsPermissions.Console, "Permission:Console")
            .AddPermission(OperationsPermissions.Manage, "Permission:Console.Manage");
}
