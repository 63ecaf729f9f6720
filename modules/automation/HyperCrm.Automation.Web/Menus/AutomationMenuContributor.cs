using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Web.Menus;

/// <summary>Settings → Automation: rules, runs, and dead letters with their count.</summary>
public sealed class AutomationMenuContributor(IServiceScopeFactory scopes) : IMenuContributor
{
    public async Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return;
        var l = context.Localizer<AutomationResource>();
        int? dead = null;
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IPermissionChecker>().IsGrantedAsync(context.User, AutomationPermissions.Runs))
        {
            dead = await scope.ServiceProvider.GetRequiredService<IRunAppService>().CountDeadLetteredAsync();
        }
        context.Menu.Items.Add(new MenuItem("Automation", l["Menu:Automation"], icon: "lightning", order: 8000)
            .AddItem(new MenuItem("Automation.Rules", l["Menu:Rules"], "/Settings/Automation", order: 1,
                requiredPermission: AutomationPermissions.Rules))
            .AddItem(new MenuItem("Automation.Runs", l["Menu:Runs"], "/Settings/Automation/Runs", order: 2,
                requiredPermission: AutomationPermissions.Runs))
            .AddItem(new MenuItem("Automation.DeadLetters", l["Menu:DeadLetters"], "/Settings/Automation/Runs?state=DeadLettered", order: 3,
                requiredPermission: AutomationPermissions.Runs)
            {
                Badge = dead,
            }));
    }
}
