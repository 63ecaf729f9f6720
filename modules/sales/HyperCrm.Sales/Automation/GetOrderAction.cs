using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

/// <summary>
/// <c>sales.get_order</c>: reads an order for a rule or an agent — number, status, total, payment, tracking and lines;
/// not the shipping address or the fraud score, which a reply drafted from it must not repeat.
/// </summary>
public sealed class GetOrderAction(IOrderIntegrationService orders) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.get_order", "sales", "Read an order (status, total, payment, tracking, lines)",
        HasSideEffects: false,
    [
        new("order_id", FieldType.Text, true, "the order's id", "{{order.id}}"),
    ])
    {
        Outputs =
        [
            new("number", FieldType.Number, "the order's number"),
            new("status", FieldType.Text, "where the order stands"),
            new("total", FieldType.Number, "the order's total"),
            new("currency", FieldType.Text, "its currency"),
            new("payment_state", FieldType.Text, "where its card payment stands"),
            new("tracking_number", FieldType.Text, "the courier's tracking number"),
            new("customer_id", FieldType.Text, "the order's customer"),
            new("lines", FieldType.Text, "the lines as JSON: sku, name, quantity, line total"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("order_id") ?? throw new PermanentActionException("'order_id' is not an order id.");
        var order = await orders.FindAsync(id, cancellationToken) ?? throw new PermanentActionException($"Order {id} does not exist.");
        return ActionResult.Done(Message.Of("Sales:Run:OrderRead", ("number", order.Number), ("status", order.Status)),
            new Dictionary<string, object?>
            {
                ["number"] = (decimal)order.Number, ["status"] = OrderStatusNames.WireName(order.Status), ["total"] = order.Total,
                ["currency"] = order.Currency, ["payment_state"] = order.PaymentState is { } paid ? CatalogValues.WireName(paid) : null,
                ["tracking_number"] = order.TrackingNumber, ["customer_id"] = order.CustomerId.ToString(),
                ["lines"] = JsonSerializer.Serialize(order.Lines.Select(l => new { sku = l.Sku, name = l.Name, quantity = l.Quantity,
                    total = l.LineTotal }), JsonSerializerOptions.Web),
            });
    }
}
