using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Web.Pages;

public sealed class IndexModel(LoadedModules modules) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirst(HyperClaimTypes.DisplayName)?.Value ?? User.Identity?.Name ?? string.Empty;
        Modules = modules.Modules.Select(m => m.Name).ToList();
    }
}
