using HyperCrm.Framework.Application;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using HyperCrm.Sales.Deals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Sales.Web.Pages.Deals;

/// <summary>The deals as a filterable, server-paged list (the board's companion).</summary>
[Authorize(SalesPermissions.Deals.Default)]
public sealed class ListModel(IDealAppService deals, ICurrentUser currentUser) : PageModel
{
    public PagedResultDto<DealDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 25, 0);
    public string? Filter { get; private set; }
    public DealState? State { get; private set; }
    public bool Mine { get; private set; }

    public async Task OnGetAsync(string? filter, DealState? state, bool mine = false, int page = 1)
    {
        (Filter, State, Mine) = (filter, state, mine);
        var input = new GetDealListInput { Filter = filter, State = state, OwnerId = mine ? currentUser.Id : null, Page = Math.Max(1,
            page) };
        Result = await deals.GetListAsync(input, HttpContext.RequestAborted);
        var extra = (state is null ? string.Empty : $"&state={state}") + (mine ? "&mine=true" : string.Empty);
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, filter, Result.TotalIsLowerBound, extra);
    }
}
