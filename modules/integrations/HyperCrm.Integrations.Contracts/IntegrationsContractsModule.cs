using HyperCrm.Framework;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Integrations;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class IntegrationsContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, IntegrationsPermissionDefinitionProvider>();
}

[LocalizationResourceName("Integrations")]
public sealed class IntegrationsResource;

public static class IntegrationsPermissions
{
    public const string GroupName = "Integrations";
    public const string Connectors = GroupName + ".Connectors";
    public const string ManageConnectors = Connectors + ".Manage";
    public const string Webhooks = GroupName + ".Webhooks";
    public const string ManageWebhooks = Webhooks + ".Manage";
}

public sealed class IntegrationsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(IntegrationsPermissions.GroupName, "Permission:Integrations", typeof(IntegrationsResource))
            .AddPermission(IntegrationsPermissions.Connectors, "Permission:Connectors", HyperRoles.Support)
            .AddPermission(IntegrationsPermissions.ManageConnectors, "Permission:Connectors.Manage")
            .AddPermission(IntegrationsPermissions.Webhooks, "Permission:Webhooks", HyperRoles.Support)
            .AddPermission(IntegrationsPermissions.ManageWebhooks, "Permission:Webhooks.Manage");
}
