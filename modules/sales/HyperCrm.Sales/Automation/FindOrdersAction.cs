using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Automation;

/// <summary><c>sales.find_orders</c>: a customer's latest orders, newest first (id, number, status, total, when).</summary>
public sealed class FindOrdersAction(SalesDbContext db) : IAutomationAction
{
    public const int MaxOrders = 20;

    public ActionDescriptor Descriptor { get; } = new("sales.find_orders", "sales", "Find a customer's latest orders, newest first",
        HasSideEffects: false,
    [
        new("customer_id", FieldType.Text, true, "the customer's id", "{{customer.id}}"),
        new("limit", FieldType.Number, false, $"how many orders (1–{MaxOrders}, default 5)", "5"),
    ])
    {
        Outputs =
        [
            new("orders", FieldType.Text, "the orders as JSON: id, number, status, total, currency, placed"),
            new("count", FieldType.Number, "how many orders were found"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("customer_id") ?? throw new PermanentActionException("'customer_id' is not a customer id.");
        var limit = (int)Math.Clamp(context.Number("limit") ?? 5, 1, MaxOrders);
        var found = await db.Orders.AsNoTracking().Where(o => o.CustomerId == id).OrderByDescending(o => o.CreationTime).Take(limit)
            .Select(o => new { o.Id, o.Number, o.Status, o.Total, o.Currency, o.CreationTime }).ToListAsync(cancellationToken);
        var json = JsonSerializer.Serialize(found.Select(o => new
        {
            id = o.Id, number = o.Number, status = OrderStatusNames.WireName(o.Status), total = o.Total, currency = o.Currency,
            placed = o.CreationTime,
        }), JsonSerializerOptions.Web);
        return ActionResult.Done(Message.Of("Sales:Run:OrdersFound", ("count", found.Count)),
            new Dictionary<string, object?> { ["orders"] = json, ["count"] = (decimal)found.Count });
    }
}
