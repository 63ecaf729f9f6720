using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using HyperCrm.Sales.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Sales.Web.Menus;

/// <summary>Orders a person has to look at: held for approval, waiting for stock, or failed.</summary>
public sealed class OrdersNeedingAttentionDashboardContributor(IServiceScopeFactory scopes,
    IStringLocalizer<SalesResource> l) : IDashboardContributor
{
    private static readonly OrderStatus[] Attention = [OrderStatus.OnHold, OrderStatus.Failed, OrderStatus.AwaitingStock];

    public int Order => 30;

    public async Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!await sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, SalesPermissions.Orders.Default,
            cancellationToken)) return null;
        var orders = sp.GetRequiredService<IOrderAppService>();
        var items = new List<DashboardItem>();
        foreach (var status in Attention)
        {
            var page = await orders.GetListAsync(new GetOrderListInput { Status = status, PageSize = 5 }, cancellationToken);
            items.AddRange(page.Items.Select(o => new DashboardItem($"#{o.Number} {o.CustomerName}", $"/Orders/Details?id={o.Id}",
                l["OrderStatus:" + o.Status],
                o.Status == OrderStatus.AwaitingStock ? "warning" : "danger")));
        }
        return new DashboardWidget("orders-attention", l["Dashboard:OrdersAttention"], items.Take(8).ToList(),
            l["Dashboard:NoOrdersAttention"], "/Orders?status=OnHold");
    }
}
