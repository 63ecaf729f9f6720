using HyperCrm.Framework.Security;

namespace HyperCrm.Sales;

public sealed class SalesPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(SalesPermissions.GroupName, "Permission:Sales", typeof(SalesResource))
            .AddPermission(SalesPermissions.Orders.Default, "Permission:Orders", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(SalesPermissions.Orders.Manage, "Permission:Orders.Manage", HyperRoles.Support)
            .AddPermission(SalesPermissions.Deals.Default, "Permission:Deals", HyperRoles.Sales)
            .AddPermission(SalesPermissions.Deals.Manage, "Permission:Deals.Manage", HyperRoles.Sales)
            .AddPermission(SalesPermissions.Products, "Permission:Products", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(SalesPermissions.Pipelines, "Permission:Pipelines");
}
