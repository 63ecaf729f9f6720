using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Sales.Deals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Sales.Web.Pages.Deals;

/// <summary>The kanban board: drag a card to another stage and it is saved at once (board.js posts to OnPostMove).</summary>
[Authorize(SalesPermissions.Deals.Default)]
public sealed class IndexModel(IDealAppService deals, IAuthorizationService authorization, ICurrentUser currentUser,
    IStringLocalizer<SalesResource> l) : PageModel
{
    public BoardDto Board { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool Mine { get; private set; }
    public Guid? Highlight { get; private set; }

    public async Task OnGetAsync(Guid? pipelineId, bool mine = false, Guid? highlight = null)
    {
        Mine = mine;
        Highlight = highlight;
        Board = await deals.GetBoardAsync(pipelineId, mine ? currentUser.Id : null, HttpContext.RequestAborted);
        CanManage = await CanManageAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? title, decimal? amount, Guid? pipelineId)
    {
        if (!await CanManageAsync()) return Forbid();
        var input = new CreateDealDto { Title = title, Amount = amount, PipelineId = pipelineId };
        if (ValidationFilter.Errors(input).Count > 0)
        {
            ModelState.AddModelError(string.Empty, l["Deals:InvalidInput", DealConsts.MaxTitleLength].Value);
            await OnGetAsync(pipelineId);
            return Page();
        }
        try
        {
            var deal = await deals.CreateAsync(input, null, HttpContext.RequestAborted);
            return RedirectToPage(new { pipelineId = deal.PipelineId, highlight = deal.Id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            await OnGetAsync(pipelineId);
            return Page();
        }
    }

    /// <summary>Saves a drag and drop; answers JSON the board script reads (the new stamp, or a message to show).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid stageId, string? stamp, string? reason)
    {
        if (!await CanManageAsync()) return new JsonResult(new { ok = false,
            message = l["Deals:NotAllowed"].Value }) { StatusCode = StatusCodes.Status403Forbidden };
        try
        {
            var moved = await deals.UpdateAsync(id, new UpdateDealDto { Stage = stageId.ToString(), LostReason = reason,
                ConcurrencyStamp = stamp }, null, HttpContext.RequestAborted);
            return new JsonResult(new { ok = true, stamp = moved.ConcurrencyStamp, stage = moved.StageName });
        }
        catch (BusinessException ex)
        {
            return new JsonResult(new { ok = false, message = HttpContext.ErrorText(ex) }) { StatusCode = HttpContext.ErrorStatus(ex) };
        }
        catch (DbUpdateConcurrencyException)
        {
            return new JsonResult(new { ok = false, message = l["Deals:Conflict"].Value }) { StatusCode = StatusCodes.Status409Conflict };
        }
    }

    private async Task<bool> CanManageAsync() => (await authorization.AuthorizeAsync(User, SalesPermissions.Deals.Manage)).Succeeded;
}
