using HyperCrm.Framework.Ui;

namespace HyperCrm.Operations.Web.Menus;

/// <summary>Operations → Console, Dead letters, Jobs, Pause and resume, Alerts.</summary>
public sealed class OperationsMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var l = context.Localizer<OperationsResource>();
        context.Menu.Items.Add(new MenuItem("Operations", l["Menu:Operations"], icon: "speedometer2", order: 8600)
            .AddItem(new MenuItem("Operations.Console", l["Menu:Console"], "/Operations", order: 1,
                requiredPermission: OperationsPermissions.Console))
            .AddItem(new MenuItem("Operations.DeadLetters", l["Menu:DeadLetters"], "/Operations/DeadLetters", order: 2,
                requiredPermission: OperationsPermissions.Console))
            .AddItem(new MenuItem("Operations.Jobs", l["Menu:Jobs"], "/Operations/Jobs", order: 3,
                requiredPermission: OperationsPermissions.Console))
            .AddItem(new MenuItem("Operations.Pauses", l["Menu:Pauses"], "/Operations/Pauses", order: 4,
                requiredPermission: OperationsPermissions.Console))
            .AddItem(new MenuItem("Operations.Alerts", l["Menu:Alerts"], "/Operations/Alerts", order: 5,
                requiredPermission: OperationsPermissions.Console)));
        return Task.CompletedTask;
    }
}
