namespace HyperCrm.Framework.Events;

/// <summary>
/// Handles an event from the outbox after the raising transaction committed. Runs in its own
/// transaction on its module's DbContext, together with an inbox row, so a redelivery has no second effect.
/// </summary>
public interface IDistributedEventHandler<in TEvent>
{
    Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken);
}
