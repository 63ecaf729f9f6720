using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Integrations.Application;

public sealed class ShipmentStatusEnricher : ITriggerEnricher
{
    public string EventName => "integrations.courier.status_changed";

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var changed = (ShipmentStatusChangedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", changed.OrderId,
            Message.Of("Integrations:Run:ShipmentStatus", ("tracking", changed.TrackingNumber), ("status", changed.Status))));
    }
}
