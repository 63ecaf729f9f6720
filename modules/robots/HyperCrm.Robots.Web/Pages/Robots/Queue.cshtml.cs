using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Robots.Runner;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HyperCrm.Robots.Web.Pages.Robots;

/// <summary>Robots → Queue and workers: jobs queued, running and waiting for a person (all instances), and this instance's
/// browsers, busy or idle, within the pool's bounds.</summary>
[Authorize(RobotsPermissions.Bots)]
public sealed class QueueModel(BotAppService bots, BotWorkerPool pool, IOptions<RobotsOptions> options) : PageModel
{
    public IReadOnlyList<BotJob> Jobs { get; private set; } = [];

    public IReadOnlyList<BotWorkerInfo> Workers => pool.Workers;

    public string Instance => pool.InstanceName;

    public int Peak => pool.Peak;

    public RobotsOptions Options => options.Value;

    public Guid? Highlight { get; private set; }

    public async Task OnGetAsync(Guid? job)
    {
        Highlight = job;
        Jobs = await bots.GetQueueAsync(HttpContext.RequestAborted);
    }
}
