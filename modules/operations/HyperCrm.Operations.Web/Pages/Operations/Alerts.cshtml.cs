using System.ComponentModel.DataAnnotations;
using HyperCrm.Operations.Application;
using HyperCrm.Operations.Domain;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Operations → Alerts: the alerts firing and their history (acknowledge), and the rules that raise them (add, edit,
/// switch off, delete).</summary>
public sealed class AlertsModel(OperationsConsole console, ConsoleActions actions) : OperationsPageModel
{
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyList<AlertRule> Rules { get; private set; } = [];

    public Guid? Highlight { get; private set; }

    [BindProperty] public RuleForm Form { get; set; } = new();

    public async Task OnGetAsync(Guid? alert, Guid? edit)
    {
        Highlight = alert;
        await LoadAsync();
        if (edit is { } id && Rules.FirstOrDefault(r => r.Id == id) is { } rule)
            Form = new RuleForm { Id = rule.Id, Name = rule.Name, Kind = rule.Kind, Target = rule.Target, Threshold = rule.Threshold,
                ForMinutes = rule.ForMinutes, Email = rule.Email };
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadPermissionsAsync();
        if (!CanManage) return Forbid();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        try
        {
            await actions.SaveRuleAsync(Form.Id, Form.Name ?? string.Empty, Form.Kind, Form.Target ?? "*", Form.Threshold ?? 0,
                Form.ForMinutes ?? 0, Form.Email, HttpContext.RequestAborted);
            TempData["Success"] = Text["Alerts:RuleSaved"].Value;
            return RedirectToPage();
        }
        catch (HyperCrm.Framework.Domain.BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HyperCrm.Framework.Web.BusinessErrorHttpContextExtensions.ErrorText(HttpContext, ex));
            await LoadAsync();
            return Page();
        }
    }

    public Task<IActionResult> OnPostEnableAsync(Guid id, bool enabled) => ManageAsync(async () =>
        Text[await actions.EnableRuleAsync(id, enabled, HttpContext.RequestAborted) ? enabled ? "Alerts:RuleOn" : "Alerts:RuleOff"
            : "Alerts:NoSuchRule"].Value);

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => ManageAsync(async () =>
        Text[await actions.DeleteRuleAsync(id, HttpContext.RequestAborted) ? "Alerts:RuleDeleted" : "Alerts:NoSuchRule"].Value);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id) => ManageAsync(async () =>
        Text[await actions.AcknowledgeAsync(id, HttpContext.RequestAborted) ? "Alerts:Acknowledged" : "Alerts:AlreadyAcknowledged"].Value);

    private async Task LoadAsync()
    {
        await LoadPermissionsAsync();
        Alerts = await console.AlertsAsync(HttpContext.RequestAborted);
        Rules = await console.AlertRulesAsync(HttpContext.RequestAborted);
    }

    /// <summary>An alert rule as the form edits it; the rule itself checks the values (and names what is wrong).</summary>
    public sealed class RuleForm
    {
        public Guid? Id { get; set; }

        [Required(ErrorMessage = "Validation:Required")]
        [StringLength(AlertRule.MaxNameLength, ErrorMessage = "Validation:StringLength")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "AlertKind")]
        public AlertKind Kind { get; set; }

        [StringLength(AlertRule.MaxTargetLength, ErrorMessage = "Validation:StringLength")]
        [Display(Name = "AlertTarget")]
        public string? Target { get; set; } = "*";

        [Required(ErrorMessage = "Validation:Required")]
        [Range(0, 1_000_000_000, ErrorMessage = "Validation:Range")]
        [Display(Name = "AlertThreshold")]
        public double? Threshold { get; set; }

        [Range(0, AlertRule.MaxMinutes, ErrorMessage = "Validation:Range")]
        [Display(Name = "AlertMinutes")]
        public int? ForMinutes { get; set; } = 0;

        [Display(Name = "Email")]
        public bool Email { get; set; } = true;
    }
}
