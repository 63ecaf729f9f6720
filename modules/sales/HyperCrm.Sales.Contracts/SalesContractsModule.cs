using HyperCrm.Framework;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Sales;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class SalesContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, SalesPermissionDefinitionProvider>();
}

[LocalizationResourceName("Sales")]
public sealed class SalesResource;

public static class SalesPermissions
{
    public const string GroupName = "Sales";

    public static class Orders
    {
        public const string Default = GroupName + ".Orders";
        public const string Manage = Default + ".Manage";
    }

    public static class Deals
    {
        public const string Default = GroupName + ".Deals";
        public const string Manage = Default + ".Manage";
    }

    public const string Products = GroupName + ".Products";

    /// <summary>Configure pipelines and their stages (admins only by default).</summary>
    public const string Pipelines = GroupName + ".Pipelines";
}

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
