using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Automation;

/// <summary>
/// What rules can read about an order event: the order (<c>order.*</c>) and its customer (<c>customer.*</c>),
/// read when the event is handled. The run is about the order; it also correlates with the customer.
/// </summary>
public abstract class OrderEnricherBase(SalesDbContext db, ICustomerIntegrationService customers) : ITriggerEnricher
{
    public abstract string EventName { get; }

    public virtual IReadOnlyList<CatalogField> Fields => OrderFields;

    public static readonly IReadOnlyList<CatalogField> OrderFields =
    [
        new("order.id", FieldType.Text, "the order id"),
        new("order.number", FieldType.Number, "the order number"),
        new("order.total", FieldType.Number, "the order total"),
        new("order.currency", FieldType.Text, "the currency (RUB, EUR…)"),
        new("order.status", FieldType.Text, "the status now (new, on_hold, reserved, shipped…)"),
        new("order.payment_method", FieldType.Text, "card, cash, invoice or sbp"),
        new("order.external_id", FieldType.Text, "the partner's order id"),
        new("order.partner_id", FieldType.Text, "the partner that placed it (empty for staff)"),
        new("order.skus", FieldType.List, "the SKUs ordered"),
        new("order.lines_count", FieldType.Number, "how many lines"),
        new("order.quantity", FieldType.Number, "how many items in all"),
        new("order.city", FieldType.Text, "the shipping city"),
        new("order.tracking_number", FieldType.Text, "the courier tracking number, once shipped"),
        new("customer.id", FieldType.Text, "the customer id"),
        new("customer.name", FieldType.Text, "the customer's name"),
        new("customer.email", FieldType.Text, "the customer's email"),
        new("customer.phone", FieldType.Text, "the customer's phone (E.164)"),
        new("customer.tags", FieldType.List, "the customer's tags (vip, wholesale…)"),
        new("customer.owner_id", FieldType.Text, "the staff member responsible for the customer"),
        new("customer.orders_count", FieldType.Number, "the customer's orders so far, this one included"),
    ];

    public async Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var orderId = OrderIdOf(eventData);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null) return new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", orderId, $"order {orderId} (not found)");
        values["order.id"] = order.Id.ToString();
        values["order.number"] = (decimal)order.Number;
        values["order.total"] = order.Total;
        values["order.currency"] = order.Currency;
        values["order.status"] = CatalogValues.WireName(order.Status);
        values["order.payment_method"] = CatalogValues.WireName(order.PaymentMethod);
        values["order.external_id"] = order.ExternalId;
        values["order.partner_id"] = order.PartnerId?.ToString();
        values["order.skus"] = order.Lines.Select(l => l.Sku).Distinct().ToArray();
        values["order.lines_count"] = (decimal)order.Lines.Count;
        values["order.quantity"] = (decimal)order.Lines.Sum(l => l.Quantity);
        values["order.city"] = order.ShippingAddress.City;
        values["order.tracking_number"] = order.TrackingNumber;
        values["customer.id"] = order.CustomerId.ToString();
        if (await customers.FindAsync(order.CustomerId, cancellationToken) is { } customer)
        {
            values["customer.name"] = customer.Name;
            values["customer.email"] = customer.Email;
            values["customer.phone"] = customer.Phone;
            values["customer.tags"] = customer.Tags.ToArray();
            values["customer.owner_id"] = customer.OwnerId?.ToString();
        }
        values["customer.orders_count"] = (decimal)await db.Orders.CountAsync(o => o.CustomerId == order.CustomerId, cancellationToken);
        Enrich(eventData, values);
        return new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", order.Id, Summarize(eventData, order)) { Correlations = [order.Id, order.CustomerId] };
    }

    protected abstract Guid OrderIdOf(object eventData);

    protected virtual void Enrich(object eventData, IDictionary<string, object?> values)
    {
    }

    protected abstract string Summarize(object eventData, Order order);
}

public sealed class OrderCreatedEnricher(SalesDbContext db, ICustomerIntegrationService customers) : OrderEnricherBase(db, customers)
{
    public override string EventName => "sales.order.created";

    protected override Guid OrderIdOf(object eventData) => ((OrderCreatedEto)eventData).OrderId;

    protected override string Summarize(object eventData, Order order) => $"order #{order.Number} placed: {order.Total:0.##} {order.Currency}";
}

public sealed class OrderStatusChangedEnricher(SalesDbContext db, ICustomerIntegrationService customers) : OrderEnricherBase(db, customers)
{
    public override string EventName => "sales.order.status_changed";

    private static readonly IReadOnlyList<CatalogField> StatusFields =
    [
        .. OrderFields,
        new("order.previous_status", FieldType.Text, "the status before this change"),
        new("order.new_status", FieldType.Text, "the status it changed to"),
        new("order.status_reason", FieldType.Text, "why it changed"),
    ];

    public override IReadOnlyList<CatalogField> Fields => StatusFields;

    protected override Guid OrderIdOf(object eventData) => ((OrderStatusChangedEto)eventData).OrderId;

    protected override void Enrich(object eventData, IDictionary<string, object?> values)
    {
        var changed = (OrderStatusChangedEto)eventData;
        values["order.previous_status"] = CatalogValues.WireName(changed.From);
        values["order.new_status"] = CatalogValues.WireName(changed.To);
        values["order.status_reason"] = changed.Reason;
    }

    protected override string Summarize(object eventData, Order order)
    {
        var changed = (OrderStatusChangedEto)eventData;
        return $"order #{order.Number}: {CatalogValues.WireName(changed.From)} → {CatalogValues.WireName(changed.To)}";
    }
}

/// <summary><c>sales.change_order_status</c>: moves the run's order through the state machine. Moving to the status it already has does nothing.</summary>
public sealed class ChangeOrderStatusAction(SalesDbContext db, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.change_order_status", "sales", "Move the order to another status (only the transitions the order lifecycle allows)", HasSideEffects: true,
    [
        new("status", FieldType.Text, true, "new, on_hold, awaiting_stock, reserved, picking, shipped, delivered, completed, cancelled or failed", "on_hold"),
        new("reason", FieldType.Text, false, "why, shown on the order and the customer's timeline", "waiting for a manager's approval"),
        new("tracking_number", FieldType.Text, false, "with shipped: the courier's tracking number, stored on the order", "{{steps.ship.tracking_number}}"),
    ])
    {
        Emits = ["sales.order.status_changed"],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId) throw new PermanentActionException("The run is not about an order.");
        var wanted = context.Text("status") ?? throw new PermanentActionException("No status given.");
        var status = Enum.GetValues<OrderStatus>().FirstOrDefault(s => string.Equals(CatalogValues.WireName(s), wanted.Trim(), StringComparison.OrdinalIgnoreCase), (OrderStatus)(-1));
        if ((int)status < 0) throw new PermanentActionException($"'{wanted}' is not an order status.");
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        // Idempotent: a re-executed step finds the order already moved.
        if (order.Status == status) return ActionResult.Done($"order #{order.Number} is already {wanted}");
        try
        {
            var actor = new Actor(ActorKind.Rule, context.RuleName);
            if (status == OrderStatus.Shipped && context.Text("tracking_number") is { } tracking) order.Ship(tracking, actor, clock.GetUtcNow());
            else order.MoveTo(status, actor, context.Text("reason"), clock.GetUtcNow());
        }
        catch (BusinessException ex)
        {
            throw new PermanentActionException(ex.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ActionResult.Done($"order #{order.Number} → {wanted}");
    }
}
