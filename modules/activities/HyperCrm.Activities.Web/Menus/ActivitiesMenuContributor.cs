using HyperCrm.Framework.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities.Web.Menus;

/// <summary>"My work" with the count of open tasks, and notifications with the unread count.</summary>
public sealed class ActivitiesMenuContributor(IServiceScopeFactory scopes) : IMenuContributor
{
    public async Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return;
        var l = context.Localizer<ActivitiesResource>();
        await using var scope = scopes.CreateAsyncScope();
        var unread = await scope.ServiceProvider.GetRequiredService<INotificationAppService>().CountUnreadAsync();
        var open = await scope.ServiceProvider.GetRequiredService<IWorkTaskAppService>().CountMyOpenTasksAsync();
        context.Menu.Items.Add(new MenuItem("Work", l["Menu:Work"], icon: "check", order: 50)
            .AddItem(new MenuItem("Work.Tasks", l["Menu:MyTasks"], "/Work", order: 1,
                requiredPermission: ActivitiesPermissions.Tasks) { Badge = open })
            .AddItem(new MenuItem("Work.Approvals", l["Menu:Approvals"], "/Work/Approvals", order: 2,
                requiredPermission: ActivitiesPermissions.Approvals))
            .AddItem(new MenuItem("Work.Inbox", l["Menu:Inbox"], "/Work/Inbox", order: 3,
                requiredPermission: ActivitiesPermissions.Messages))
            .AddItem(new MenuItem("Work.Notifications", l["Menu:Notifications"], "/Work/Notifications", order: 4) { Badge = unread }));
    }
}
