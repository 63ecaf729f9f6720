using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>Dry-run / replay: the draft or a version over the recorded events of a period (or one order), side effects simulated.</summary>
[Authorize(AutomationPermissions.Rules)]
public sealed class DryRunModel(IRuleAppService rules, TimeProvider clock) : PageModel
{
    public RuleDto Rule { get; private set; } = null!;
    public IReadOnlyList<RuleVersionDto> Versions { get; private set; } = [];
    public DryRunReportDto? Report { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Go { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Rule = await rules.GetAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        Versions = await rules.GetVersionsAsync(id, HttpContext.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        From ??= now.AddDays(-7);
        To ??= now.AddMinutes(1);
        if (!Go) return Page();
        try
        {
            Report = await rules.DryRunAsync(id, Version, new DateTimeOffset(DateTime.SpecifyKind(From.Value, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(To.Value, DateTimeKind.Utc)), SubjectId, HttpContext.RequestAborted);
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        return Page();
    }
}
