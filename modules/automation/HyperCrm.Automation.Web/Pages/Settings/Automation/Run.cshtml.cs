using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>One run: its step timeline with inputs, outputs and the reason for every decision; retry or skip when dead-lettered.</summary>
[Authorize(AutomationPermissions.Runs)]
public sealed class RunModel(IRunAppService runs, IAuthorizationService authorization, IStringLocalizer<AutomationResource> l) : PageModel
{
    public RunDto Run { get; private set; } = null!;
    public bool CanOperate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Run = await runs.GetAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        CanOperate = (await authorization.AuthorizeAsync(User, AutomationPermissions.OperateRuns)).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, bool active) => await OperateAsync(id, () => runs.RetryAsync(id, active,
        HttpContext.RequestAborted), "Runs:Retried");

    public async Task<IActionResult> OnPostSkipAsync(Guid id) => await OperateAsync(id, () => runs.SkipStepAsync(id,
        HttpContext.RequestAborted), "Runs:Skipped");

    private async Task<IActionResult> OperateAsync(Guid id, Func<Task> operation, string done)
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.OperateRuns)).Succeeded) return Forbid();
        try
        {
            await operation();
            TempData["Success"] = l[done].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(new { id });
    }

    public static string BadgeOf(RunState state) => state switch
    {
        RunState.Completed => "success",
        RunState.DeadLettered => "danger",
        RunState.Stopped or RunState.Compensating => "warning",
        RunState.Waiting => "info",
        RunState.Running or RunState.Pending => "primary",
        _ => "secondary",
    };
}
