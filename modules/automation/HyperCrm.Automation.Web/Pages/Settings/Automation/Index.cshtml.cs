using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>The rules: state, version, last run, error rate over 7 days; and a new rule from a name and a trigger.</summary>
[Authorize(AutomationPermissions.Rules)]
public sealed class IndexModel(IRuleAppService rules, IStringLocalizer<AutomationResource> l) : PageModel
{
    public IReadOnlyList<RuleListItemDto> Rules { get; private set; } = [];
    public IReadOnlyList<TriggerDescriptor> Triggers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rules = await rules.GetListAsync(HttpContext.RequestAborted);
        Triggers = rules.GetTriggers();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? trigger)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError(string.Empty, l["Rules:NameRequired"]);
            await OnGetAsync();
            return Page();
        }
        try
        {
            var rule = await rules.CreateAsync(name, null, new RuleDefinitionDto { Trigger = trigger ?? "sales.order.created" },
                HttpContext.RequestAborted);
            return RedirectToPage("./Edit", new { id = rule.Id });
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        await OnGetAsync();
        return Page();
    }
}
