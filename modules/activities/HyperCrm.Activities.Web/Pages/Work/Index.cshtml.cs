using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Activities.Web.Pages.Work;

/// <summary>"My work": my open tasks by due date (overdue first), and a quick way to add one.</summary>
[Authorize(ActivitiesPermissions.Tasks)]
public sealed class IndexModel(IWorkTaskAppService tasks) : PageModel
{
    public IReadOnlyList<WorkTaskDto> Tasks { get; private set; } = [];

    [BindProperty]
    public CreateWorkTaskDto Input { get; set; } = new();

    public async Task OnGetAsync(Guid? customerId, Guid? dealId, Guid? orderId)
    {
        if (customerId is { } customer) (Input.LinkKind, Input.LinkId) = (LinkKind.Customer, customer);
        else if (dealId is { } deal) (Input.LinkKind, Input.LinkId) = (LinkKind.Deal, deal);
        else if (orderId is { } order) (Input.LinkKind, Input.LinkId) = (LinkKind.Order, order);
        Tasks = await tasks.GetMyOpenTasksAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                await tasks.CreateAsync(Input, HttpContext.RequestAborted);
                return RedirectToPage();
            }
            catch (BusinessException ex)
            {
                ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            }
        }
        Tasks = await tasks.GetMyOpenTasksAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id)
    {
        try
        {
            await tasks.CompleteAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            TempData["Success"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage();
    }
}
