using HyperCrm.Automation.Data;
using HyperCrm.Framework.Events;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Engine;

public static class AutomationEngineServiceCollectionExtensions
{
    /// <summary>The handler registration of one trigger event: delivered to the sink, guarded by the automation inbox.</summary>
    public static DistributedEventHandlerRegistration TriggerRegistration(EventTriggerType trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        // Batched: the sink re-checks in memory what it reads back (a waiting run an earlier event of the batch resumed).
        return new DistributedEventHandlerRegistration(trigger.Key, trigger.EventType, typeof(AutomationEventSink),
            typeof(AutomationDbContext),
            (provider, eventData, ct) => provider.GetRequiredService<AutomationEventSink>().HandleAsync(trigger.Key, eventData,
                ct)) { Batched = true };
    }
}
