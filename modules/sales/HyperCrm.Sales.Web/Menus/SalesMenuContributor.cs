using HyperCrm.Framework.Ui;

namespace HyperCrm.Sales.Web.Menus;

public sealed class SalesMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.Localizer<SalesResource>();
        context.Menu.Items.Add(new MenuItem("Deals", l["Menu:Deals"], "/Deals", icon: "kanban", order: 150,
            requiredPermission: SalesPermissions.Deals.Default));
        context.Menu.Items.Add(new MenuItem("Orders", l["Menu:Orders"], "/Orders", icon: "box", order: 200,
            requiredPermission: SalesPermissions.Orders.Default));
        context.Menu.Items.Add(new MenuItem("Pipelines", l["Menu:Pipelines"], "/Deals/Pipelines", icon: "sliders", order: 9400,
            requiredPermission: SalesPermissions.Pipelines));
        return Task.CompletedTask;
    }
}
