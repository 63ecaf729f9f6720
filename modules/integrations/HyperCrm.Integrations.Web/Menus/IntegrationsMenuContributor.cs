using HyperCrm.Framework.Ui;

namespace HyperCrm.Integrations.Web.Menus;

/// <summary>Settings → Integrations: connectors and their health, webhooks in and out.</summary>
public sealed class IntegrationsMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var l = context.Localizer<IntegrationsResource>();
        context.Menu.Items.Add(new MenuItem("Integrations", l["Menu:Integrations"], icon: "plug", order: 8100)
            .AddItem(new MenuItem("Integrations.Connectors", l["Menu:Connectors"], "/Settings/Integrations", order: 1,
                requiredPermission: IntegrationsPermissions.Connectors))
            .AddItem(new MenuItem("Integrations.Webhooks", l["Menu:Webhooks"], "/Settings/Integrations/Webhooks", order: 2,
                requiredPermission: IntegrationsPermissions.Webhooks))
            .AddItem(new MenuItem("Integrations.Inbound", l["Menu:Inbound"], "/Settings/Integrations/Inbound", order: 3,
                requiredPermission: IntegrationsPermissions.Webhooks)));
        return Task.CompletedTask;
    }
}
