using HyperCrm.Framework.Ui;

namespace HyperCrm.Robots.Web.Menus;

/// <summary>Robots → Bots, Runs, Queue and workers.</summary>
public sealed class RobotsMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var l = context.Localizer<RobotsResource>();
        context.Menu.Items.Add(new MenuItem("Robots", l["Menu:Robots"], icon: "robot", order: 8300)
            .AddItem(new MenuItem("Robots.Bots", l["Menu:Bots"], "/Robots/Bots", order: 1, requiredPermission: RobotsPermissions.Bots))
            .AddItem(new MenuItem("Robots.Runs", l["Menu:Runs"], "/Robots/Runs", order: 2, requiredPermission: RobotsPermissions.Bots))
            .AddItem(new MenuItem("Robots.Queue", l["Menu:Queue"], "/Robots/Queue", order: 3, requiredPermission: RobotsPermissions.Bots)));
        return Task.CompletedTask;
    }
}
