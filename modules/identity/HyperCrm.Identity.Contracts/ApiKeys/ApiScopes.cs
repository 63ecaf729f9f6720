namespace HyperCrm.Identity.ApiKeys;

/// <summary>What a partner's API key may do (docs/api.md).</summary>
public static class ApiScopes
{
    public const string OrdersRead = "orders.read";
    public const string OrdersWrite = "orders.write";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string DealsRead = "deals.read";
    public const string DealsWrite = "deals.write";
    public const string ProductsRead = "products.read";
    public const string WebhooksManage = "webhooks.manage";
    public const string AnalyticsRead = "analytics.read";
    public const string MessagesWrite = "messages.write";

    public static readonly IReadOnlyList<string> All =
        [OrdersRead, OrdersWrite, CustomersRead, CustomersWrite, DealsRead, DealsWrite, ProductsRead, WebhooksManage, AnalyticsRead,
            MessagesWrite];
}
