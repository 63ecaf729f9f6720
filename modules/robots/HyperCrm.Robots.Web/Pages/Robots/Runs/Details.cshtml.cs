using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Robots.Web.Pages.Robots.Runs;

/// <summary>
/// One run of a bot (or a job's latest run, for a test run just started): its steps as they happen (the page refreshes the
/// list while the job is going), what each read or typed, where the page was, how long it took, and its screenshot; the
/// job's state, with retry, cancel and "done by hand" for one waiting for a person.
/// </summary>
[Authorize(RobotsPermissions.Bots)]
public sealed class DetailsModel(BotAppService bots, IPermissionChecker permissions, IStringLocalizer<RobotsResource> l) : PageModel
{
    public BotRun? Run { get; private set; }

    public BotJob Job { get; private set; } = null!;

    public IReadOnlyList<BotRun> Attempts { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool Live => Job.State is BotJobState.Queued or BotJobState.Running;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? job) => await LoadAsync(id, job) ? Page() : NotFound();

    /// <summary>The steps alone, for the live refresh.</summary>
    public async Task<IActionResult> OnGetStepsAsync(Guid? id, Guid? job) =>
        await LoadAsync(id, job) ? Partial("_RunSteps", this) : NotFound();

    public async Task<IActionResult> OnGetScreenshotAsync(Guid shot)
    {
        var image = await bots.FindScreenshotAsync(shot, HttpContext.RequestAborted);
        return image is null ? NotFound() : File(image.Image, "image/jpeg");
    }

    private async Task<bool> LoadAsync(Guid? id, Guid? jobId)
    {
        Run = id is { } runId ? await bots.FindRunAsync(runId, HttpContext.RequestAborted) : null;
        if (id is not null && Run is null) return false;
        var job = await bots.FindJobAsync(Run?.JobId ?? jobId ?? Guid.Empty, HttpContext.RequestAborted);
        if (job is null) return false;
        Job = job;
        Attempts = await bots.GetJobRunsAsync(job.Id, HttpContext.RequestAborted);
        Run ??= Attempts.Count > 0 ? Attempts[0] : null;
        CanManage = await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots);
        return true;
    }

    public Task<IActionResult> OnPostRetryAsync(Guid job) => ManageAsync(job, () => bots.RetryJobAsync(job, HttpContext.RequestAborted),
        "Jobs:Retried");

    public Task<IActionResult> OnPostCancelAsync(Guid job) => ManageAsync(job, () => bots.CancelJobAsync(job, User.Identity?.Name ?? "?",
        HttpContext.RequestAborted), "Jobs:Cancelled");

    public Task<IActionResult> OnPostDoneAsync(Guid job) => ManageAsync(job, () => bots.MarkDoneAsync(job, User.Identity?.Name ?? "?",
        HttpContext.RequestAborted), "Jobs:MarkedDone");

    private async Task<IActionResult> ManageAsync(Guid job, Func<Task> change, string done)
    {
        if (!await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots)) return Forbid();
        try
        {
            await change();
            TempData["Success"] = l[done].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return Redirect($"/Robots/Runs/Details?job={job}");
    }
}
