namespace HyperCrm.Automation.Catalog;

/// <summary>
/// Every distributed event of every module is a trigger, with the event's own properties as fields
/// (<c>orderId</c>, <c>total</c>…). A module that owns an event may add richer fields (<c>order.total</c>,
/// <c>customer.tags</c>), the subject and the correlations, by registering an enricher for it.
/// </summary>
public interface ITriggerEnricher
{
    /// <summary>The event's stored name, e.g. <c>sales.order.created</c>.</summary>
    string EventName { get; }

    IReadOnlyList<CatalogField> Fields { get; }

    /// <summary>Adds values to <paramref name="values"/> (which holds the event's own fields) and names the subject.</summary>
    Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken);
}
