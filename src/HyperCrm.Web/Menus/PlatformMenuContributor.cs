using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;

namespace HyperCrm.Web.Menus;

public sealed class PlatformMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.Localizer<HyperCrmResource>();
        context.Menu.Items.Add(new MenuItem("Home", l["Menu:Home"], "/", icon: "house", order: 0));
        context.Menu.Items.Add(new MenuItem("Settings", l["Menu:Settings"], "/Settings", icon: "gear", order: 9500,
            requiredPermission: PlatformPermissions.Settings));
        context.Menu.Items.Add(new MenuItem("ApiDocs", l["Menu:ApiDocs"], "/api/docs", icon: "code", order: 9900));
        return Task.CompletedTask;
    }
}
