using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>Version history: who published what and when, a line diff between any two versions (or the draft), rollback in one click, and
/// the audit trail.</summary>
[Authorize(AutomationPermissions.Rules)]
public sealed class VersionsModel(IRuleAppService rules, IAuthorizationService authorization,
    IStringLocalizer<AutomationResource> l) : PageModel
{
    private static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public RuleDto Rule { get; private set; } = null!;
    public IReadOnlyList<RuleVersionDto> Versions { get; private set; } = [];
    public IReadOnlyList<AuditEntryDto> Audit { get; private set; } = [];
    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];
    public int? From { get; private set; }
    public int? To { get; private set; }
    public bool CanPublish { get; private set; }

    /// <summary>Compares version <paramref name="from"/> with <paramref name="to"/> (0 = the draft); by default the active version with the
    /// draft.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, int? from, int? to)
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
        Audit = await rules.GetAuditAsync(id, HttpContext.RequestAborted);
        CanPublish = (await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded;
        From = from ?? Rule.ActiveVersion ?? (Versions.Count > 0 ? Versions[^1].Number : null);
        To = to ?? 0;
        if (From is { } f)
        {
            var left = Versions.FirstOrDefault(v => v.Number == f)?.Definition;
            var right = To == 0 ? Rule.Draft : Versions.FirstOrDefault(v => v.Number == To)?.Definition;
            if (left is not null && right is not null) Diff = DiffLine.Compute(Serialize(left), Serialize(right));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(Guid id, int version)
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded) return Forbid();
        try
        {
            await rules.RollbackAsync(id, version, HttpContext.RequestAborted);
            TempData["Success"] = l["Rules:RolledBack", version].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(new { id });
    }

    private static string Serialize(RuleDefinitionDto definition) => JsonSerializer.Serialize(definition, Pretty);
}
