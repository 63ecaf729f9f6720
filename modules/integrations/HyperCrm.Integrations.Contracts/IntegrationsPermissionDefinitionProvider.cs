using HyperCrm.Framework.Security;

namespace HyperCrm.Integrations;

public sealed class IntegrationsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(IntegrationsPermissions.GroupName, "Permission:Integrations", typeof(IntegrationsResource))
            .AddPermission(IntegrationsPermissions.Connectors, "Permission:Connectors", HyperRoles.Support)
            .AddPermission(IntegrationsPermissions.ManageConnectors, "Permission:Connectors.Manage")
            .AddPermission(IntegrationsPermissions.Webhooks, "Permission:Webhooks", HyperRoles.Support)
            .AddPermission(IntegrationsPermissions.ManageWebhooks, "Permission:Webhooks.Manage");
}
