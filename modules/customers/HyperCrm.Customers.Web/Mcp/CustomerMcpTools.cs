using System.ComponentModel;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace HyperCrm.Customers.Web.Mcp;

/// <summary>
/// Customers for outside assistants over MCP: a partner's key finds and reads only that partner's customers (another's is
/// "not found", as in the REST API); a person's token reads what their permissions allow, and the timeline too.
/// </summary>
[McpServerToolType]
public sealed class CustomerMcpTools(ICustomerAppService staff, IPartnerCustomerAppService partners, ICustomerTimelineAppService timeline,
    IHttpContextAccessor http)
{
    public const int MaxResults = 50;

    private Guid? Partner => http.HttpContext?.User.PartnerId();

    [McpServerTool(Name = "search_customers", ReadOnly = true, Idempotent = true)]
    [Description("Finds customers by name, email or phone (or the latest ones without a query).")]
    [McpAccess(CustomersPermissions.Default, Scope = ApiScopes.CustomersRead)]
    public async Task<IReadOnlyList<object>> SearchCustomersAsync(
        [Description("part of a name, an email or a phone; empty: the latest customers")] string? query = null,
        [Description("how many at most (1–50, default 20)")] int limit = 20, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxResults);
        if (Partner is { } partner)
            return [.. (await partners.GetPageAsync(partner, query, limit, null, cancellationToken)).Items];
        var page = await staff.GetListAsync(new GetCustomerListInput { Filter = query, PageSize = limit }, cancellationToken);
        return [.. page.Items];
    }

    [McpServerTool(Name = "get_customer", ReadOnly = true, Idempotent = true)]
    [Description("Reads one customer by id: contact details, address, consent, notes.")]
    [McpAccess(CustomersPermissions.Default, Scope = ApiScopes.CustomersRead)]
    public async Task<object> GetCustomerAsync([Description("the customer's id")] Guid customerId,
        CancellationToken cancellationToken = default) =>
        Partner is { } partner
            ? await partners.GetAsync(customerId, partner, cancellationToken)
            : await staff.GetAsync(customerId, cancellationToken);

    [McpServerTool(Name = "get_customer_timeline", ReadOnly = true, Idempotent = true)]
    [Description("The customer's timeline, newest first: orders, messages, tasks, notes, automation — who did what, when and why.")]
    [McpAccess(CustomersPermissions.Default)]
    public async Task<IReadOnlyList<TimelineEntryDto>> GetCustomerTimelineAsync([Description("the customer's id")] Guid customerId,
        [Description("how many entries at most (1–50, default 20)")] int limit = 20, CancellationToken cancellationToken = default)
    {
        await staff.GetAsync(customerId, cancellationToken);
        return await timeline.GetAsync(customerId, null, Math.Clamp(limit, 1, MaxResults), cancellationToken);
    }
}
