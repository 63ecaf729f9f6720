using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Web.Pages;

/// <summary>Home: every module's widgets the user may see (my tasks, my deals, orders needing attention, recent activity).</summary>
public sealed class IndexModel(LoadedModules modules, IEnumerable<IDashboardContributor> dashboard) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public IReadOnlyList<DashboardWidget> Widgets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(HyperClaimTypes.DisplayName)?.Value ?? User.Identity?.Name ?? string.Empty;
        Modules = modules.Modules.Select(m => m.Name).ToList();
        var widgets = new List<DashboardWidget>();
        foreach (var contributor in dashboard.OrderBy(c => c.Order))
        {
            if (await contributor.GetWidgetAsync(User, HttpContext.RequestAborted) is { } widget) widgets.Add(widget);
        }
        Widgets = widgets;
    }
}
