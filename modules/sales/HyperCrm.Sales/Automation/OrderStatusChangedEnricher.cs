using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

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

    /// <summary>A cancelled order ends its story: what the rules were still doing about it stops (not a failure).</summary>
    protected override Message? EndsSubject(object eventData, Order order) =>
        ((OrderStatusChangedEto)eventData).To == OrderStatus.Cancelled
            ? Message.Of("Sales:Run:OrderCancelled", ("number", order.Number))
            : null;

    protected override Message Summarize(object eventData, Order order)
    {
        var changed = (OrderStatusChangedEto)eventData;
        return Message.Of("Sales:Timeline:OrderStatusChanged", ("number", order.Number), ("from", changed.From), ("to", changed.To));
    }
}
