using HyperCrm.Operations.Application;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Operations → Console: every queue, run state, bot, connector, job, instance, dead letter and firing alert on one page,
/// refreshed every few seconds while it is open; every number links to its items.</summary>
public sealed class IndexModel(OperationsConsole console) : OperationsPageModel
{
    public OperationsOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadPermissionsAsync();
        Overview = await console.ReadAsync(HttpContext.RequestAborted);
    }

    /// <summary>The live part, for htmx's refresh.</summary>
    public async Task<IActionResult> OnGetOverviewAsync()
    {
        Overview = await console.ReadAsync(HttpContext.RequestAborted);
        return Partial("_Overview", this);
    }
}
