using System.Globalization;
using HyperCrm.Analytics.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Analytics.Ingestion;

/// <summary>How an order's step reads in the event log, the same whether it arrives live or from the rebuilt history.</summary>
public static class EventLogEntries
{
    public static EventLogEntry From(OrderStepRecordedEto step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new EventLogEntry(Guid.CreateVersion7(step.At), step.At, ObjectTypes.Order, step.OrderId,
            step.Number.ToString(CultureInfo.InvariantCulture), step.What, step.ActorName, ResourceKinds.Of(step.Actor, step.What), null,
            null, step.OrderId, step.CustomerId, step.PartnerId, "sales.order.step_recorded");
    }
}
