using HyperCrm.Framework.Security;

namespace HyperCrm.Customers;

public sealed class CustomersPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(CustomersPermissions.GroupName, "Permission:Customers", typeof(CustomersResource))
            .AddPermission(CustomersPermissions.Default, "Permission:Customers.View", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(CustomersPermissions.Create, "Permission:Customers.Create", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(CustomersPermissions.Edit, "Permission:Customers.Edit", HyperRoles.Sales, HyperRoles.Support)
            .AddPermission(CustomersPermissions.Merge, "Permission:Customers.Merge", HyperRoles.Support)
            .AddPermission(CustomersPermissions.Export, "Permission:Customers.Export", HyperRoles.Sales);
}
