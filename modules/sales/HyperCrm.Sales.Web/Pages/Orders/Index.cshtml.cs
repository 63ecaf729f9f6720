using HyperCrm.Framework.Application;
using HyperCrm.Framework.Ui;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Sales.Web.Pages.Orders;

[Authorize(SalesPermissions.Orders.Default)]
public sealed class IndexModel(IOrderAppService orders) : PageModel
{
    public PagedResultDto<OrderListItemDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 25, 0);
    public string? Filter { get; private set; }
    public OrderStatus? Status { get; private set; }

    public async Task OnGetAsync(string? filter, OrderStatus? status, int page = 1)
    {
        Filter = filter;
        Status = status;
        var input = new GetOrderListInput { Filter = filter, Status = status, Page = Math.Max(1, page) };
        Result = await orders.GetListAsync(input, HttpContext.RequestAborted);
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, filter, Result.TotalIsLowerBound,
            status is null ? null : $"&status={status}");
    }

    public static string BadgeOf(OrderStatus status) => status switch
    {
        OrderStatus.OnHold or OrderStatus.AwaitingStock or OrderStatus.Returned => "warning",
        OrderStatus.Cancelled or OrderStatus.Failed => "danger",
        OrderStatus.Delivered or OrderStatus.Completed => "success",
        OrderStatus.Shipped => "info",
        _ => "secondary",
    };
}
