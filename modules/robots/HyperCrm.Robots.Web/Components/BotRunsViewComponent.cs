using HyperCrm.Robots.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Robots.Web.Components;

/// <summary>The bots' runs for an order, with their screenshots, on the order's page (shown by name, only to whom may see
/// bots; nothing when there are none).</summary>
public sealed class BotRunsViewComponent(BotAppService bots, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid orderId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, RobotsPermissions.Bots)).Succeeded) return Content(string.Empty);
        var runs = await bots.GetRunsAsync(null, orderId, 20, HttpContext.RequestAborted);
        return runs.Count == 0 ? Content(string.Empty) : View(runs);
    }
}
