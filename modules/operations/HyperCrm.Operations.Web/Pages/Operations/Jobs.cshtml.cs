using HyperCrm.Operations.Application;
using HyperCrm.Operations.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Operations → Jobs: every scheduled job and trigger (shared by the cluster) with next and last fire time, the last
/// outcome and misfires; pause, resume, trigger now.</summary>
public sealed class JobsModel(JobConsole jobs, ConsoleActions actions) : OperationsPageModel
{
    public IReadOnlyList<ScheduledJob> Jobs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadPermissionsAsync();
        Jobs = await jobs.ListAsync(HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostPauseAsync(string group, string name) => ActAsync("pause", group, name);

    public Task<IActionResult> OnPostResumeAsync(string group, string name) => ActAsync("resume", group, name);

    public Task<IActionResult> OnPostTriggerAsync(string group, string name) => ActAsync("trigger", group, name);

    private Task<IActionResult> ActAsync(string action, string group, string name) => ManageAsync(async () =>
        await actions.JobAsync(action, group ?? string.Empty, name ?? string.Empty, HttpContext.RequestAborted)
            ? Text["Jobs:Done:" + action, $"{group}.{name}"].Value
            : Text["Jobs:NoSuchJob"].Value);
}
