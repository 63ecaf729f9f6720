using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Application;

/// <summary>Stores timeline entries published by any module (guarded by the customers inbox, so once each).</summary>
public sealed class TimelineEventHandler(CustomersDbContext db) : IDistributedEventHandler<TimelineEventEto>
{
    public Task HandleEventAsync(TimelineEventEto eventData, CancellationToken cancellationToken)
    {
        db.Timeline.Add(new TimelineEntry(Guid.CreateVersion7(eventData.At), eventData));
        return Task.CompletedTask;
    }
}
