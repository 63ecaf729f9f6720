using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Intelligence.Web.Pages.Ai;

/// <summary>Where the order page's override form posts: records the decision and goes back to the order.</summary>
[Authorize(IntelligencePermissions.DecideRisk)]
public sealed class DecideModel(IRiskDecisionAppService decisions, IStringLocalizer<IntelligenceResource> l) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid orderId, bool fraud, string? reason, string? returnUrl)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Orders/Details?id={orderId}";
        try
        {
            await decisions.DecideAsync(orderId, fraud, reason ?? string.Empty, HttpContext.RequestAborted);
            TempData["Success"] = l[fraud ? "Override:SavedFraud" : "Override:SavedFine"].Value;
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return LocalRedirect(back);
    }
}
