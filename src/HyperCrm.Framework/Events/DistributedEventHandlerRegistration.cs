namespace HyperCrm.Framework.Events;

/// <summary>One consumer of one event type: the handler, the DbContext whose inbox guards it, and how to call it.</summary>
public sealed record DistributedEventHandlerRegistration(
    string EventName,
    Type EventType,
    Type HandlerType,
    Type InboxDbContextType,
    Func<IServiceProvider, object, CancellationToken, Task> Invoke)
{
    /// <summary>
    /// True when the handler never reads back what it wrote for an earlier event of the same batch (or re-checks what it
    /// reads in memory): its writes for a whole batch are then flushed with one SaveChanges instead of one per event.
    /// </summary>
    public bool Batched { get; init; }

    /// <summary>The inbox consumer name; stable while the handler class keeps its name.</summary>
    public string Consumer => HandlerType.FullName!;
}
