namespace HyperCrm.Framework.Events;

/// <summary>Handles an event inside the transaction that raised it: if it throws, nothing is saved.</summary>
public interface ILocalEventHandler<in TEvent>
{
    Task HandleEventAsync(TEvent eventData, CancellationToken cancellationToken);
}
