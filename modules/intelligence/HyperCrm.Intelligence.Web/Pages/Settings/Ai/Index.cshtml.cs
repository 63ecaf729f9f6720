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
public sealed class IndexModel(IRiskModelAppService models, ISegmentAppService segments, ILlmSettingsAppService llm,
    IPermissionChecker permissions, IStringLocalizer<IntelligenceResource> l,
    Microsoft.Extensions.Configuration.IConfiguration configuration) : PageModel
{
    public IReadOnlyList<RiskModelDto> Models { get; private set; } = [];

    /// <summary>The sandbox's language model on this installation (when the sandbox is on), to try drafting and agents with.</summary>
    public string? SandboxModel => string.Equals(configuration["Sandbox:Enabled"], "true", StringComparison.OrdinalIgnoreCase)
        ? $"{Request.Scheme}://{Request.Host}/sandbox/llm/v1"
        : null;
    public bool CanManage { get; private set; }

    [BindProperty]
    public SegmentThresholdsDto Thresholds { get; set; } = new();

    [BindProperty]
    public LlmSettingsDto Llm { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Thresholds = await segments.GetThresholdsAsync(HttpContext.RequestAborted);
    }

    /// <summary>The models and who may manage them; the forms not being posted are read afresh (the posted one keeps its
    /// input).</summary>
    private async Task LoadAsync(bool keepThresholds = false, bool keepLlm = false)
    {
        Models = await models.GetListAsync(HttpContext.RequestAborted);
        CanManage = await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels);
        if (!keepThresholds) Thresholds = await segments.GetThresholdsAsync(HttpContext.RequestAborted);
        var stored = await llm.GetAsync(HttpContext.RequestAborted);
        Llm = keepLlm ? Llm with { KeySet = stored.KeySet, ApiKey = null } : stored;
    }

    public async Task<IActionResult> OnPostLlmAsync()
    {
        if (!await permissions.IsGrantedAsync(User, IntelligencePermissions.ManageModels)) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                await llm.SaveAsync(Llm, HttpContext.RequestAborted);
                TempData["Success"] = l["Llm:Saved"].Value;
                return RedirectToPage();
            }
            catch (BusinessException ex) when (ex.Details.GetValueOrDefault("errors") is IReadOnlyDictionary<string, string[]> errors)
            {
                foreach (var (field, messages) in errors)
                    foreach (var message in messages) ModelState.AddModelError($"{nameof(Llm)}.{field}", message);
            }
        }
        await LoadAsync(keepLlm: true);
        return Page();
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
        await LoadAsync(keepThresholds: true);
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
