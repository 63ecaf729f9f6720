using System.ComponentModel;
using System.Globalization;
using System.Text;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace HyperCrm.Customers.Web.Mcp;

/// <summary>A customer's summary as an MCP resource (<c>hypercrm://customers/{id}</c>), in Markdown an assistant can quote.</summary>
[McpServerResourceType]
public sealed class CustomerMcpResources(ICustomerAppService staff, IPartnerCustomerAppService partners,
    ICustomerTimelineAppService timeline, IHttpContextAccessor http)
{
    [McpServerResource(UriTemplate = "hypercrm://customers/{id}", Name = "customer_summary", MimeType = "text/markdown")]
    [Description("A customer's summary: contact, segment, tags and (for staff) the latest timeline entries.")]
    [McpAccess(CustomersPermissions.Default, Scope = ApiScopes.CustomersRead)]
    public async Task<string> GetSummaryAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var customerId)) throw new HyperCrm.Framework.Domain.EntityNotFoundException(typeof(CustomerDto), id);
        var text = new StringBuilder();
        if (http.HttpContext?.User.PartnerId() is { } partner)
        {
            var mine = await partners.GetAsync(customerId, partner, cancellationToken);
            text.AppendLine(CultureInfo.InvariantCulture, $"# {mine.Name}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"- email: {mine.Email ?? "—"}")
                .AppendLine(CultureInfo.InvariantCulture, $"- phone: {mine.Phone ?? "—"}")
                .AppendLine(CultureInfo.InvariantCulture, $"- customer since: {mine.CreationTime:yyyy-MM-dd}");
            return text.ToString();
        }
        var customer = await staff.GetAsync(customerId, cancellationToken);
        text.AppendLine(CultureInfo.InvariantCulture, $"# {customer.Name}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- email: {customer.Email ?? "—"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- phone: {customer.Phone ?? "—"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- segment: {customer.Segment?.ToString() ?? "—"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- tags: {(customer.Tags.Count == 0 ? "—" : string.Join(", ", customer.Tags))}")
            .AppendLine().AppendLine("## Latest on the timeline").AppendLine();
        foreach (var entry in await timeline.GetAsync(customerId, null, 10, cancellationToken))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {entry.At:yyyy-MM-dd HH:mm} {entry.Title}{(entry.Reason is { Length: > 0 } reason ? " — " + reason : "")}");
        return text.ToString();
    }
}
