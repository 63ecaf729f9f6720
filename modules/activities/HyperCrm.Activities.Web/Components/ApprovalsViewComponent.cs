using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Activities.Web.Components;

/// <summary>
/// The decisions a rule waits for about this customer, deal or order (a held order's release, say), with the approve
/// and reject buttons, so the person who opened the page decides there with the reasons in view. Other modules' pages
/// show it by name (<c>Component.InvokeAsync("Approvals", …)</c>); the forms post to /Work/Approvals and come back.
/// Nothing shows for someone who may not decide.
/// </summary>
public sealed class ApprovalsViewComponent(IApprovalAppService approvals, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LinkKind kind, Guid id)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, ActivitiesPermissions.Approvals)).Succeeded)
            return Content(string.Empty);
        var pending = await approvals.GetPendingForAsync(kind, id, HttpContext.RequestAborted);
        if (pending.Count == 0) return Content(string.Empty);
        return View(new ApprovalsModel(pending, HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}
