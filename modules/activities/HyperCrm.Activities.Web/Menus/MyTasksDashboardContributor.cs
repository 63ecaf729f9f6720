using System.Globalization;
using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Activities.Web.Menus;

public sealed class MyTasksDashboardContributor(IServiceScopeFactory scopes, IStringLocalizer<ActivitiesResource> l) : IDashboardContributor
{
    public int Order => 10;

    public async Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, ActivitiesPermissions.Tasks,
            cancellationToken)) return null;
        var today = DateOnly.FromDateTime(DateTime.Today);
        var tasks = await scope.ServiceProvider.GetRequiredService<IWorkTaskAppService>().GetMyOpenTasksAsync(cancellationToken);
        var items = tasks.Take(6).Select(t => new DashboardItem(t.Title, "/Work", t.DueDate?.ToString("d", CultureInfo.CurrentCulture),
            t.IsOverdue(today) ? "danger" : null)).ToList();
        return new DashboardWidget("my-tasks", l["Dashboard:MyTasks"], items, l["Work:NothingToDo"], "/Work");
    }
}
