using HyperCrm.Operations.Application;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Operations → a module's outbox: the events waiting for their consumers (oldest due first), with attempts and the last
/// error; what a backlog number on the console clicks through to.</summary>
public sealed class EventsModel(OperationsConsole console) : OperationsPageModel
{
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }

    public IReadOnlyList<PendingEvent> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadPermissionsAsync();
        if (Module is null || !console.HasOutbox(Module)) return NotFound();
        Pending = await console.PendingEventsAsync(Module, HttpContext.RequestAborted);
        return Page();
    }
}
