using HyperCrm.Automation.Catalog;

namespace HyperCrm.Integrations.Application;

public sealed class ShipmentStatusEnricher : ITriggerEnricher
{
    public string EventName => "integrations.courier.status_changed";

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var changed = (ShipmentStatusChangedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", changed.OrderId,
            $"shipment {changed.TrackingNumber}: {changed.Status}"));
    }
}
