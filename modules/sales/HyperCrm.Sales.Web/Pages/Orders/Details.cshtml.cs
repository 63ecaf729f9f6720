using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Sales.Web.Pages.Orders;

[Authorize(SalesPermissions.Orders.Default)]
public sealed class DetailsModel(IOrderAppService orders, IAuthorizationService authorization) : PageModel
{
    public OrderDto Order { get; private set; } = null!;
    public IReadOnlyList<OrderStepDto> Steps { get; private set; } = [];
    public IReadOnlyList<OrderMove> Moves { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    /// <summary>One of <see cref="Moves"/>, with the reason or tracking number it asked for.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, OrderMove move, string? reason, string? trackingNumber)
    {
        if (!(await authorization.AuthorizeAsync(User, SalesPermissions.Orders.Manage)).Succeeded) return Forbid();
        if (!Enum.IsDefined(move)) return BadRequest();
        try
        {
            await orders.MoveAsync(id, new OrderMoveInput(move, reason, trackingNumber), HttpContext.RequestAborted);
            return RedirectToPage(new { id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
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
        Moves = OrderStateMachine.ManualMovesFrom(Order.Status);
        CanManage = (await authorization.AuthorizeAsync(User, SalesPermissions.Orders.Manage)).Succeeded;
        return Page();
    }
}
