using HyperCrm.Framework.Events;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// A customer's segment is recomputed when they place an order, and when one of their orders stops counting (cancelled,
/// failed, returned). Only a move is written, so most orders cost one read here; a redelivered event recomputes the same.
/// </summary>
public sealed class SegmentEventHandler(SegmentService segments)
    : IDistributedEventHandler<OrderCreatedEto>, IDistributedEventHandler<OrderStatusChangedEto>
{
    public Task HandleEventAsync(OrderCreatedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return segments.RecomputeAsync([eventData.CustomerId], cancellationToken);
    }

    public Task HandleEventAsync(OrderStatusChangedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.To is OrderStatus.Cancelled or OrderStatus.Failed or OrderStatus.Returned
            ? segments.RecomputeAsync([eventData.CustomerId], cancellationToken)
            : Task.CompletedTask;
    }
}
