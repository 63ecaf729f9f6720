using HyperCrm.Framework.Operations;
using HyperCrm.Operations.Application;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Operations → Pause and resume: rules, bots, connectors and event consumers; paused work waits and nothing of it is
/// lost, and resuming drains it.</summary>
public sealed class PausesModel(IEnumerable<IPausableSource> sources, ConsoleActions actions) : OperationsPageModel
{
    public IReadOnlyList<PausableTarget> Targets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadPermissionsAsync();
        var targets = new List<PausableTarget>();
        foreach (var source in sources) targets.AddRange(await source.ListAsync(HttpContext.RequestAborted));
        Targets = targets;
    }

    public Task<IActionResult> OnPostPauseAsync(string kind, string key) => SetAsync(kind, key, paused: true);

    public Task<IActionResult> OnPostResumeAsync(string kind, string key) => SetAsync(kind, key, paused: false);

    private Task<IActionResult> SetAsync(string kind, string key, bool paused) => ManageAsync(async () =>
        await actions.SetPausedAsync(kind ?? string.Empty, key ?? string.Empty, paused, HttpContext.RequestAborted)
            ? Text[paused ? "Pauses:PausedNow" : "Pauses:ResumedNow"].Value
            : Text["Pauses:NoSuchTarget"].Value);
}
