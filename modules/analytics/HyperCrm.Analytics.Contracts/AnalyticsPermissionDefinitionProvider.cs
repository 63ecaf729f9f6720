using HyperCrm.Framework.Security;

namespace HyperCrm.Analytics;

public sealed class AnalyticsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(AnalyticsPermissions.GroupName, "Permission:Analytics", typeof(AnalyticsResource))
            .AddPermission(AnalyticsPermissions.Dashboard, "Permission:Dashboard", HyperRoles.Sales)
            .AddPermission(AnalyticsPermissions.Manage, "Permission:Dashboard.Manage");
}
