using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Application;

/// <summary>
/// The gateway's late news about a card payment is about an order; rules also read where the order stands
/// (<c>order.status</c>), e.g. to release an order held for a declined card once the customer pays.
/// </summary>
public sealed class PaymentStatusEnricher(IOrderIntegrationService orders) : ITriggerEnricher
{
    public string EventName => "integrations.payment.status_changed";

    public IReadOnlyList<CatalogField> Fields { get; } =
        [new("order.status", FieldType.Text, "the order's status when the news came (new, on_hold, reserved…)")];

    public async Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var changed = (PaymentStatusChangedEto)eventData;
        var order = await orders.FindAsync(changed.OrderId, cancellationToken);
        values["order.status"] = order is null ? null : OrderStatusNames.WireName(order.Status);
        return new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", changed.OrderId,
            changed.Reason is null ? Message.Of("Integrations:Run:PaymentStatus", ("status", changed.Status))
                : Message.Of("Integrations:Run:PaymentNews", ("status", changed.Status), ("reason", changed.Reason)));
    }
}
