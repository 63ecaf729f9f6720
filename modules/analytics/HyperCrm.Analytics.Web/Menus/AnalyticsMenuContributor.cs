using HyperCrm.Framework.Ui;

namespace HyperCrm.Analytics.Web.Menus;

/// <summary>Analytics → KPIs, Process map.</summary>
public sealed class AnalyticsMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var l = context.Localizer<AnalyticsResource>();
        context.Menu.Items.Add(new MenuItem("Analytics", l["Menu:Analytics"], icon: "graph-up", order: 8400)
            .AddItem(new MenuItem("Analytics.Kpis", l["Menu:Kpis"], "/Analytics", order: 1,
                requiredPermission: AnalyticsPermissions.Dashboard))
            .AddItem(new MenuItem("Analytics.Map", l["Menu:ProcessMap"], "/Analytics/Map", order: 2,
                requiredPermission: AnalyticsPermissions.Dashboard)));
        return Task.CompletedTask;
    }
}
