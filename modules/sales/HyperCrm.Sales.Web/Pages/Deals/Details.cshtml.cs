using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Users;
using HyperCrm.Sales.Deals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Sales.Web.Pages.Deals;

/// <summary>One deal: every field editable in one form (stage, probability, owner, close date, lost reason), its customer and
/// notes.</summary>
[Authorize(SalesPermissions.Deals.Default)]
public sealed class DetailsModel(
    IDealAppService deals,
    ICustomerIntegrationService customers,
    IUserAppService users,
    IAuthorizationService authorization,
    IStringLocalizer<SalesResource> l) : PageModel
{
    public DealDto Deal { get; private set; } = null!;
    public PipelineDto Pipeline { get; private set; } = null!;
    public CustomerSummaryDto? Customer { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty]
    public DealForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new DealForm
        {
            Title = Deal.Title, Amount = Deal.Amount, Currency = Deal.Currency, StageId = Deal.StageId, Probability = Deal.Probability,
            ExpectedClose = Deal.ExpectedClose, OwnerId = Deal.OwnerId, LostReason = Deal.LostReason, ConcurrencyStamp =
                Deal.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!(await authorization.AuthorizeAsync(User, SalesPermissions.Deals.Manage)).Succeeded) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await deals.UpdateAsync(id, new UpdateDealDto
            {
                Title = Input.Title, Amount = Input.Amount, Currency = Input.Currency?.Trim()
                    .ToUpperInvariant(), Probability = Input.Probability,
                ExpectedClose = Input.ExpectedClose, OwnerId = Input.OwnerId,
                Stage = Input.StageId == Deal.StageId ? null : Input.StageId.ToString(), LostReason = Input.LostReason,
                ConcurrencyStamp = Input.ConcurrencyStamp,
            }, null, HttpContext.RequestAborted);
            TempData["Success"] = l["Deals:Saved"].Value;
            return RedirectToPage(new { id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Deals:ConflictPage"]);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        try
        {
            Deal = await deals.GetAsync(id, null, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return false;
        }
        Pipeline = (await deals.GetPipelinesAsync(HttpContext.RequestAborted)).Single(p => p.Id == Deal.PipelineId);
        Customer = Deal.CustomerId is { } customerId ? await customers.FindAsync(customerId, HttpContext.RequestAborted) : null;
        Staff = (await users.GetListAsync(new GetUserListInput { PageSize = 200 }, HttpContext.RequestAborted)).Items
            .Where(u => u.IsActive && !u.InvitationPending).Select(u => (u.Id, u.DisplayName)).ToList();
        CanManage = (await authorization.AuthorizeAsync(User, SalesPermissions.Deals.Manage)).Succeeded;
        return true;
    }
}
