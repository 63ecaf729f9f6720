using HyperCrm.Framework.Security;

namespace HyperCrm.Customers;

public static class CustomersPermissions
{
    public const string GroupName = "Customers";
    public const string Default = GroupName + ".View";
    public const string Create = GroupName + ".Create";
    public const string Edit = GroupName + ".Edit";
    public const string Merge = GroupName + ".Merge";
    public const string Export = GroupName + ".Export";
}

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
