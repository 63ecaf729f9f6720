using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Automation;

/// <summary>
/// What rules can read about an order event: the order (<c>order.*</c>) and its customer (<c>customer.*</c>),
/// read when the event is handled. The run is about the order; it also correlates with the customer.
/// </summary>
public abstract class OrderEnricherBase(SalesDbContext db, ICustomerIntegrationService customers) : ITriggerEnricher
{
    private readonly Dictionary<Guid, int> _ordersOfCustomer = [];

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
        new("order.risk_score", FieldType.Number, "the fraud-risk score, 0 to 1, once scored (empty before)"),
        new("customer.id", FieldType.Text, "the customer id"),
        new("customer.name", FieldType.Text, "the customer's name"),
        new("customer.email", FieldType.Text, "the customer's email"),
        new("customer.phone", FieldType.Text, "the customer's phone (E.164)"),
        new("customer.tags", FieldType.List, "the customer's tags (vip, wholesale…)"),
        new("customer.owner_id", FieldType.Text, "the staff member responsible for the customer"),
        new("customer.orders_count", FieldType.Number, "the customer's orders so far, this one included"),
        new("customer.segment", FieldType.Text, "new, repeat or vip, by the customer's orders before this event"),
    ];

    public async Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var orderId = OrderIdOf(eventData);
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null) return new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", orderId,
            Message.Of("Sales:Run:OrderNotFound", ("id", orderId)));
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
        values["order.risk_score"] = order.RiskScore;
        values["customer.id"] = order.CustomerId.ToString();
        if (await customers.FindAsync(order.CustomerId, cancellationToken) is { } customer)
        {
            values["customer.name"] = customer.Name;
            values["customer.email"] = customer.Email;
            values["customer.phone"] = customer.Phone;
            values["customer.tags"] = customer.Tags.ToArray();
            values["customer.owner_id"] = customer.OwnerId?.ToString();
            values["customer.segment"] = customer.Segment is { } segment ? CatalogValues.WireName(segment) : null;
        }
        // Counted once per customer and scope (an event batch's orders of one customer are all in before the batch is read).
        if (!_ordersOfCustomer.TryGetValue(order.CustomerId, out var ordersCount))
        {
            ordersCount = await db.Orders.CountAsync(o => o.CustomerId == order.CustomerId, cancellationToken);
            _ordersOfCustomer[order.CustomerId] = ordersCount;
        }
        values["customer.orders_count"] = (decimal)ordersCount;
        Enrich(eventData, values);
        return new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", order.Id, Summarize(eventData,
            order)) { Correlations = [order.Id, order.CustomerId], EndsSubject = EndsSubject(eventData, order) };
    }

    /// <summary>Whether the event ends the order's story, and why (a cancellation); null otherwise.</summary>
    protected virtual Message? EndsSubject(object eventData, Order order) => null;

    protected abstract Guid OrderIdOf(object eventData);

    protected virtual void Enrich(object eventData, IDictionary<string, object?> values)
    {
    }

    protected abstract Message Summarize(object eventData, Order order);
}
