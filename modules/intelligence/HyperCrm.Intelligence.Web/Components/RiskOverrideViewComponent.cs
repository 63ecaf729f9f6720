using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Intelligence.Web.Components;

/// <summary>
/// On a scored order's page: the person's override of the model (fraud or not, with a reason), which the next training
/// learns from. Shown by name (<c>Component.InvokeAsync("RiskOverride", …)</c>) to those who may decide; the form posts to
/// /Ai/Decide and comes back.
/// </summary>
public sealed class RiskOverrideViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid orderId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, IntelligencePermissions.DecideRisk)).Succeeded)
            return Content(string.Empty);
        return View(new RiskOverrideModel(orderId, HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}
