using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Robots.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Robots.Web.Pages.Robots.Bots;

/// <summary>Robots → Bots: each bot's state, live version, last run, 7-day failure rate and waiting jobs; a new bot.</summary>
[Authorize(RobotsPermissions.Bots)]
public sealed class IndexModel(BotAppService bots, IPermissionChecker permissions) : PageModel
{
    public IReadOnlyList<BotSummary> Bots { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Bots = await bots.GetListAsync(HttpContext.RequestAborted);
        CanManage = await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots);
    }

    public async Task<IActionResult> OnPostCreateAsync(string? key, string? name)
    {
        if (!await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots)) return Forbid();
        try
        {
            var bot = await bots.CreateAsync(key ?? string.Empty, string.IsNullOrWhiteSpace(name) ? key ?? string.Empty : name,
                HttpContext.RequestAborted);
            return RedirectToPage("Edit", new { id = bot.Id });
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
            return RedirectToPage();
        }
    }
}
