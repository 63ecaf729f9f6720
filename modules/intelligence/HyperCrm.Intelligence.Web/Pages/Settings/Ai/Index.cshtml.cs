using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Intelligence.Web.Pages.Settings.Ai;

/// <summary>
/// Settings → AI: every version of the fraud-risk model with its held-out metrics (retrain, promote, roll back), and where
/// the customer segments begin (with a recompute of everyone).
/// </summary>
[Authorize(IntelligencePermissions.Models)]
public sealed class IndexModel(IRiskModelAppService models, ISegmentAppService segments, IPermissionChecker permissions,
    IStringLocalizer<IntelligenceResource> l) : PageModel
{
    public IReadOnlyList<RiskModelDto> Models { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty]
    public SegmentThresholdsDto Thresholds { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Thresholds = await segments.GetThresholdsAsync(HttpContext.RequestAborted);
    }

    private async Task LoadAsync()
    {
        Models = await models.GetListAsync(HttpContext.RequestAborted);
        CanManage = await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels);
    }

    public async Task<IActionResult> OnPostThresholdsAsync()
    {
        if (!await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels)) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                await segments.SaveThresholdsAsync(Thresholds, HttpContext.RequestAborted);
                TempData["Success"] = l["Segments:Saved"].Value;
                return RedirectToPage();
            }
            catch (BusinessException ex) when (ex.Details.GetValueOrDefault("errors") is IReadOnlyDictionary<string, string[]> errors)
            {
                foreach (var (field, messages) in errors)
                    foreach (var message in messages) ModelState.AddModelError($"{nameof(Thresholds)}.{field}", message);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecomputeAsync()
    {
        if (!await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels)) return Forbid();
        var moved = await segments.RecomputeAllAsync(HttpContext.RequestAborted);
        TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Segments:Recomputed"].Value, moved);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetrainAsync()
    {
        if (!await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels)) return Forbid();
        var trained = await models.RetrainAsync(HttpContext.RequestAborted);
        TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture,
            l[trained.Promoted ? "Models:RetrainedPromoted" : "Models:RetrainedKept"].Value, trained.Version, trained.Auc);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPromoteAsync(int version)
    {
        if (!await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels)) return Forbid();
        try
        {
            await models.PromoteAsync(version, HttpContext.RequestAborted);
            TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Models:PromotedNow"].Value, version);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage();
    }
}
