using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Activities.Web.Pages.Work;

/// <summary>The human-in-the-loop inbox: decisions that rules (and people) wait for.</summary>
[Authorize(ActivitiesPermissions.Approvals)]
public sealed class ApprovalsModel(IApprovalAppService approvals) : PageModel
{
    public IReadOnlyList<ApprovalDto> Pending { get; private set; } = [];

    public async Task OnGetAsync() => Pending = await approvals.GetPendingAsync(HttpContext.RequestAborted);

    /// <summary>Where the approval's subject is shown (the held order's page, say); null when it has none.</summary>
    public static string? SubjectUrl(ApprovalDto approval) => approval switch
    {
        { LinkId: null } => null,
        { LinkKind: LinkKind.Order } => $"/Orders/Details?id={approval.LinkId}",
        { LinkKind: LinkKind.Deal } => $"/Deals/Details?id={approval.LinkId}",
        { LinkKind: LinkKind.Customer } => $"/Customers/Details?id={approval.LinkId}",
        _ => null,
    };

    /// <summary>Decides; back to the page the decision was made on (a local one only), else to this list.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, bool approve, string? comment, string? returnUrl)
    {
        try
        {
            await approvals.DecideAsync(id, approve, comment, HttpContext.RequestAborted);
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            await OnGetAsync();
            return Page();
        }
    }
}
