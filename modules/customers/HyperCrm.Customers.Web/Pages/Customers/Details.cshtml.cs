using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Customers.Web.Pages.Customers;

[Authorize(CustomersPermissions.Default)]
public sealed class DetailsModel(
    ICustomerAppService customers,
    HyperCrm.Sales.Orders.IOrderAppService orders,
    HyperCrm.Sales.Deals.IDealAppService deals,
    HyperCrm.Identity.Users.IUserAppService users,
    HyperCrm.Identity.Partners.IPartnerIntegrationService partners,
    ICustomerTimelineAppService timeline,
    IAuthorizationService authorization,
    IStringLocalizer<CustomersResource> l) : PageModel
{
    public CustomerDto Customer { get; private set; } = null!;
    public IReadOnlyList<TimelineEntryDto> Timeline { get; private set; } = [];
    public IReadOnlyList<HyperCrm.Sales.Orders.OrderListItemDto> Orders { get; private set; } = [];
    public IReadOnlyList<HyperCrm.Sales.Deals.DealDto> Deals { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? OwnerName { get; private set; }
    public bool CanMerge { get; private set; }
    public IReadOnlyDictionary<Guid, string> PartnerNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    /// <summary>Merges the duplicate (given by id or email) into this customer.</summary>
    public async Task<IActionResult> OnPostMergeAsync(Guid id, string? duplicate)
    {
        if (!(await authorization.AuthorizeAsync(User, CustomersPermissions.Merge)).Succeeded) return Forbid();
        var loserId = await ResolveAsync(duplicate);
        if (loserId is null)
        {
            ModelState.AddModelError(string.Empty, l["Customers:DuplicateNotFound"]);
            return await LoadAsync(id);
        }
        try
        {
            await customers.MergeAsync(id, loserId.Value, HttpContext.RequestAborted);
            TempData["Success"] = l["Customers:Merged"].Value;
            return RedirectToPage(new { id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await LoadAsync(id);
        }
    }

    private async Task<Guid?> ResolveAsync(string? duplicate)
    {
        if (string.IsNullOrWhiteSpace(duplicate)) return null;
        if (Guid.TryParse(duplicate.Trim(), out var id)) return id;
        var found = await customers.GetListAsync(new GetCustomerListInput { Filter = duplicate.Trim(), PageSize = 2 },
            HttpContext.RequestAborted);
        return found.TotalCount == 1 ? found.Items[0].Id : null;
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        try
        {
            Customer = await customers.GetAsync(id, cancellationToken: HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        if (Customer.MergedIntoId is { } target) return RedirectToPage(new { id = target });
        Timeline = await timeline.GetAsync(id, cancellationToken: HttpContext.RequestAborted);
        Orders = (await orders.GetListAsync(new HyperCrm.Sales.Orders.GetOrderListInput { CustomerId = id, PageSize = 20 },
            HttpContext.RequestAborted)).Items;
        Deals = await deals.GetForCustomerAsync(id, HttpContext.RequestAborted);
        if (Customer.OwnerId is { } owner)
        {
            try { OwnerName = (await users.GetAsync(owner, HttpContext.RequestAborted)).DisplayName; }
            catch (EntityNotFoundException) { OwnerName = null; }
        }
        var names = new Dictionary<Guid, string>();
        foreach (var view in Customer.PartnerViews)
            if (await partners.FindNameAsync(view.PartnerId, HttpContext.RequestAborted) is { } name) names[view.PartnerId] = name;
        PartnerNames = names;
        CanEdit = (await authorization.AuthorizeAsync(User, CustomersPermissions.Edit)).Succeeded;
        CanMerge = (await authorization.AuthorizeAsync(User, CustomersPermissions.Merge)).Succeeded;
        return Page();
    }
}
