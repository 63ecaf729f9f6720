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

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve, string? comment)
    {
        try
        {
            await approvals.DecideAsync(id, approve, comment, HttpContext.RequestAborted);
            return RedirectToPage();
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
