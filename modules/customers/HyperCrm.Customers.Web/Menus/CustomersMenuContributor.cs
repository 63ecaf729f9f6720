using HyperCrm.Framework.Ui;

namespace HyperCrm.Customers.Web.Menus;

public sealed class CustomersMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.Localizer<CustomersResource>();
        context.Menu.Items.Add(new MenuItem("Customers", l["Menu:Customers"], "/Customers", icon: "people", order: 100,
            requiredPermission: CustomersPermissions.Default));
        return Task.CompletedTask;
    }
}
