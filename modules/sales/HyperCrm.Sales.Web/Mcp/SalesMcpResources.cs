using System.ComponentModel;
using System.Globalization;
using System.Text;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace HyperCrm.Sales.Web.Mcp;

/// <summary>An order's summary as an MCP resource (<c>hypercrm://orders/{id}</c>), in Markdown an assistant can quote.</summary>
[McpServerResourceType]
public sealed class SalesMcpResources(IOrderAppService orders, IHttpContextAccessor http)
{
    [McpServerResource(UriTemplate = "hypercrm://orders/{id}", Name = "order_summary", MimeType = "text/markdown")]
    [Description("An order's summary: status, lines, payment, tracking and its latest steps.")]
    [McpAccess(SalesPermissions.Orders.Default, Scope = ApiScopes.OrdersRead)]
    public async Task<string> GetSummaryAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var orderId)) throw new EntityNotFoundException(typeof(OrderDto), id);
        var partner = http.HttpContext?.User.PartnerId();
        var order = await orders.GetAsync(orderId, partner, cancellationToken);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Order #{order.Number} — {OrderStatusNames.WireName(order.Status)}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- customer: {order.CustomerName}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- total: {order.Total.ToString("0.00", CultureInfo.InvariantCulture)} {order.Currency}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- payment: {order.PaymentMethod}{(order.PaymentState is { } state ? $" ({state})" : "")}")
            .AppendLine(CultureInfo.InvariantCulture, $"- tracking: {order.TrackingNumber ?? "—"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- placed: {order.CreationTime:yyyy-MM-dd HH:mm} UTC")
            .AppendLine().AppendLine("## Lines").AppendLine();
        foreach (var line in order.Lines)
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line.Sku} {line.Name} × {line.Quantity} = {line.LineTotal:0.00}");
        text.AppendLine().AppendLine("## Latest steps").AppendLine();
        foreach (var step in (await orders.GetStepsAsync(orderId, partner, cancellationToken)).TakeLast(10))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {step.At:yyyy-MM-dd HH:mm} {step.What}{(step.Reason is { Length: > 0 } reason ? " — " + reason : "")}");
        return text.ToString();
    }
}
