using System.ComponentModel;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Orders;
using HyperCrm.Sales.Products;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace HyperCrm.Sales.Web.Mcp;

/// <summary>
/// Orders and deals for outside assistants over MCP, through the same services as the REST API: a partner's key sees only
/// that partner's orders and deals (another's is "not found"); a person's token sees what their permissions allow.
/// </summary>
[McpServerToolType]
public sealed class SalesMcpTools(IOrderAppService orders, IDealAppService deals, IProductAppService products, IHttpContextAccessor http)
{
    public const int MaxResults = 50;

    private Guid? Partner => http.HttpContext?.User.PartnerId();

    [McpServerTool(Name = "search_orders", ReadOnly = true, Idempotent = true)]
    [Description("Finds orders, newest first: by status, by customer, or by number, external id or customer name.")]
    [McpAccess(SalesPermissions.Orders.Default, Scope = ApiScopes.OrdersRead)]
    public async Task<IReadOnlyList<object>> SearchOrdersAsync(
        [Description("new, reserved, picking, shipped, delivered, completed, on_hold, cancelled, failed or returned")]
        string? status = null,
        [Description("only this customer's orders (staff)")] Guid? customerId = null,
        [Description("an order number, external id or customer name (staff)")] string? query = null,
        [Description("how many at most (1–50, default 20)")] int limit = 20, CancellationToken cancellationToken = default)
    {
        var parsed = OrderStatusNames.Parse(status);
        if (status is { Length: > 0 } && parsed is null)
            throw new BusinessException("Sales:UnknownStatus",
                $"Unknown status '{status}'; use one of: {string.Join(", ", OrderStatusNames.All)}.");
        limit = Math.Clamp(limit, 1, MaxResults);
        if (Partner is { } partner) return [.. (await orders.GetPageAsync(partner, parsed, null, limit, null, cancellationToken)).Items];
        var page = await orders.GetListAsync(new GetOrderListInput { Status = parsed, CustomerId = customerId, Filter = query,
            PageSize = limit },
            cancellationToken);
        return [.. page.Items];
    }

    [McpServerTool(Name = "get_order", ReadOnly = true, Idempotent = true)]
    [Description("Reads one order by id: lines, totals, status, payment, tracking.")]
    [McpAccess(SalesPermissions.Orders.Default, Scope = ApiScopes.OrdersRead)]
    public Task<OrderDto> GetOrderAsync([Description("the order's id")] Guid orderId, CancellationToken cancellationToken = default) =>
        orders.GetAsync(orderId, Partner, cancellationToken);

    [McpServerTool(Name = "get_order_timeline", ReadOnly = true, Idempotent = true)]
    [Description("Every step taken for an order: who (a person, a rule, a bot, AI, a partner), what, when and why.")]
    [McpAccess(SalesPermissions.Orders.Default, Scope = ApiScopes.OrdersRead)]
    public Task<IReadOnlyList<OrderStepDto>> GetOrderTimelineAsync([Description("the order's id")] Guid orderId,
        CancellationToken cancellationToken = default) => orders.GetStepsAsync(orderId, Partner, cancellationToken);

    [McpServerTool(Name = "search_deals", ReadOnly = true, Idempotent = true)]
    [Description("Finds deals, newest first, by title (staff) — a partner gets its own deals.")]
    [McpAccess(SalesPermissions.Deals.Default, Scope = ApiScopes.DealsRead)]
    public async Task<IReadOnlyList<DealDto>> SearchDealsAsync([Description("part of a title (staff)")] string? query = null,
        [Description("how many at most (1–50, default 20)")] int limit = 20, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxResults);
        if (Partner is { } partner) return (await deals.GetPageAsync(partner, limit, null, cancellationToken)).Items;
        return (await deals.GetListAsync(new GetDealListInput { Filter = query, PageSize = limit }, cancellationToken)).Items;
    }

    [McpServerTool(Name = "search_products", ReadOnly = true, Idempotent = true)]
    [Description("Finds products of the catalog by the start of a SKU or part of a name, with price and the stock available now.")]
    [McpAccess(SalesPermissions.Products, Scope = ApiScopes.ProductsRead)]
    public async Task<IReadOnlyList<ProductDto>> SearchProductsAsync(
        [Description("the start of a SKU or part of a name")] string? query = null,
        [Description("how many at most (1–50, default 20)")] int limit = 20, CancellationToken cancellationToken = default) =>
        (await products.GetPageAsync(query, Math.Clamp(limit, 1, MaxResults), null, cancellationToken)).Items;

    [McpServerTool(Name = "get_deal", ReadOnly = true, Idempotent = true)]
    [Description("Reads one deal by id: amount, stage, probability, state, expected close.")]
    [McpAccess(SalesPermissions.Deals.Default, Scope = ApiScopes.DealsRead)]
    public Task<DealDto> GetDealAsync([Description("the deal's id")] Guid dealId, CancellationToken cancellationToken = default) =>
        deals.GetAsync(dealId, Partner, cancellationToken);
}
