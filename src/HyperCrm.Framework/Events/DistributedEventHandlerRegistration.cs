namespace HyperCrm.Framework.Events;

/// <summary>One consumer of one event type: the handler, the DbContext whose inbox guards it, and how to call it.</summary>
public sealed record DistributedEventHandlerRegistration(
    string EventName,
    Type EventType,
    Type HandlerType,
    Type InboxDbContextType,
    Func<IServiceProvider, object, CancellationToken, Task> Invoke)
{
    /// <summary>The inbox consumer name; stable while the handler class keeps its name.</summary>
    public string Consumer => HandlerType.FullName!;
}
