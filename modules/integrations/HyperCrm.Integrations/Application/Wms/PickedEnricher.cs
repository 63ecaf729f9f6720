using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Integrations.Application;

/// <summary>The integrations' own events are about an order: runs they start (or resume) have it as their subject.</summary>
public sealed class PickedEnricher : ITriggerEnricher
{
    public string EventName => "integrations.wms.picked";

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var picked = (PickTaskPickedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", picked.OrderId,
            Message.Of("Integrations:Run:PickTaskPicked", ("id", picked.TaskId))));
    }
}
