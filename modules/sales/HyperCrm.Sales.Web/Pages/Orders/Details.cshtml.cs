using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Sales.Web.Pages.Orders;

[Authorize(SalesPermissions.Orders.Default)]
public sealed class DetailsModel(IOrderAppService orders, IAuthorizationService authorization) : PageModel
{
    public OrderDto Order { get; private set; } = null!;
    public IReadOnlyList<OrderStepDto> Steps { get; private set; } = [];
    public IReadOnlyList<OrderStatus> NextStatuses { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id, OrderStatus status, string? reason)
    {
        if (!(await authorization.AuthorizeAsync(User, SalesPermissions.Orders.Manage)).Succeeded) return Forbid();
        try
        {
            if (status == OrderStatus.Cancelled) await orders.CancelAsync(id, null, reason, HttpContext.RequestAborted);
            else await orders.ChangeStatusAsync(id, status, reason, HttpContext.RequestAborted);
            return RedirectToPage(new { id });
        }
        catch (BusinessException ex) when (ex.StatusCode != 404)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await LoadAsync(id);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        try
        {
            Order = await orders.GetAsync(id, null, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        Steps = await orders.GetStepsAsync(id, null, HttpContext.RequestAborted);
        NextStatuses = HyperCrm.Sales.Domain.Orders.OrderStateMachine.NextOf(Order.Status);
        CanManage = (await authorization.AuthorizeAsync(User, SalesPermissions.Orders.Manage)).Succeeded;
        return Page();
    }
}
