using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Robots.Automation;

/// <summary>A bot's job that was about an order has the order as its subject; the job's id wakes the step that waits for it.</summary>
public sealed class BotJobFinishedEnricher : ITriggerEnricher
{
    public string EventName => RunBotAction.FinishedTrigger;

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var finished = (BotJobFinishedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, finished.OrderId is null ? null : "order",
            finished.OrderId, Message.Of("Robots:Run:JobFinished", ("bot", finished.Bot), ("status", finished.Status)))
        {
            Correlations = finished.OrderId is { } order ? [finished.JobId, order] : [finished.JobId],
        });
    }
}
