using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HyperCrm.Framework.Diagnostics;

/// <summary>
/// The last measured depth and oldest age of each queue (outboxes, runs, bot jobs, webhook deliveries), as the operations
/// monitor saw them: the meter reports these instead of querying the database on every scrape.
/// </summary>
public static class QueueDepths
{
    private static readonly ConcurrentDictionary<string, (long Depth, double OldestSeconds)> Latest = new(StringComparer.Ordinal);

    static QueueDepths()
    {
        HyperTelemetry.Meter.CreateObservableGauge("hypercrm.queue.depth",
            () => Latest.Select(q => new Measurement<long>(q.Value.Depth, new KeyValuePair<string, object?>("queue", q.Key))),
            "{item}", "Items waiting in a queue, as last measured by the operations monitor.");
        HyperTelemetry.Meter.CreateObservableGauge("hypercrm.queue.oldest_age",
            () => Latest.Select(q => new Measurement<double>(q.Value.OldestSeconds, new KeyValuePair<string, object?>("queue", q.Key))),
            "s", "Age of the oldest item waiting in a queue.");
    }

    public static void Report(string queue, long depth, double oldestSeconds) => Latest[queue] = (depth, oldestSeconds);
}
