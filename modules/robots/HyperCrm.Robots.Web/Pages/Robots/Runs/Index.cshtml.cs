using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Robots.Web.Pages.Robots.Runs;

/// <summary>Robots → Bot runs: the latest attempts of every bot (or one), with their outcome and error.</summary>
[Authorize(RobotsPermissions.Bots)]
public sealed class IndexModel(BotAppService bots) : PageModel
{
    public IReadOnlyList<BotRun> Runs { get; private set; } = [];

    public IReadOnlyList<BotSummary> Bots { get; private set; } = [];

    public Guid? BotId { get; private set; }

    public async Task OnGetAsync(Guid? botId)
    {
        BotId = botId;
        Bots = await bots.GetListAsync(HttpContext.RequestAborted);
        Runs = await bots.GetRunsAsync(botId, null, 200, HttpContext.RequestAborted);
    }
}
