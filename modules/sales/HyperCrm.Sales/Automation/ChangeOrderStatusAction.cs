using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

/// <summary><c>sales.change_order_status</c>: moves the run's order through the state machine. Moving to the status it already has does
/// nothing.</summary>
public sealed class ChangeOrderStatusAction(SalesDbContext db, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.change_order_status", "sales",
        "Move the order to another status (only the transitions the order lifecycle allows)", HasSideEffects: true,
    [
        new("status", FieldType.Text, true,
            "new, on_hold, awaiting_stock, reserved, picking, shipped, delivered, completed, cancelled or failed", "on_hold"),
        new("reason", FieldType.Text, false, "why, shown on the order and the customer's timeline (required for on_hold and failed)",
            "waiting for a manager's approval"),
        new("tracking_number", FieldType.Text, false, "required with shipped: the courier's tracking number, stored on the order",
            "{{steps.ship.tracking_number}}"),
    ])
    {
        Emits = ["sales.order.status_changed"],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order"
            || context.SubjectId is not { } orderId) throw new PermanentActionException("The run is not about an order.");
        var wanted = context.Text("status") ?? throw new PermanentActionException("No status given.");
        var status = Enum.GetValues<OrderStatus>().FirstOrDefault(s => string.Equals(CatalogValues.WireName(s), wanted.Trim(),
            StringComparison.OrdinalIgnoreCase), (OrderStatus)(-1));
        if ((int)status < 0) throw new PermanentActionException($"'{wanted}' is not an order status.");
        var order = await db.Orders.FindAsync([orderId], cancellationToken)
                    ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        // Idempotent: a re-executed step finds the order already moved.
        if (order.Status == status) return ActionResult.Done(Message.Of("Sales:Run:OrderAlreadyIn", ("number", order.Number),
            ("status", status)));
        try
        {
            var actor = new Actor(ActorKind.Rule, context.RuleName);
            order.MoveTo(status, actor, context.Text("reason"), context.Text("tracking_number"), clock.GetUtcNow());
        }
        catch (BusinessException ex)
        {
            throw new PermanentActionException(ex.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ActionResult.Done(Message.Of("Sales:Run:OrderMoved", ("number", order.Number), ("status", status)));
    }
}
