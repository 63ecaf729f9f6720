using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Events;

/// <summary>Calls every ILocalEventHandler&lt;T&gt; registered for an event's runtime type.</summary>
public static class LocalEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object, CancellationToken, Task>> Invokers = new();

    public static Task DispatchAsync(IServiceProvider provider, object eventData, CancellationToken cancellationToken) =>
        Invokers.GetOrAdd(eventData.GetType(), type => (Func<IServiceProvider, object, CancellationToken, Task>)
                typeof(LocalEventDispatcher).GetMethod(nameof(CreateInvoker),
                    System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, null)!)
            (provider, eventData, cancellationToken);

    private static Func<IServiceProvider, object, CancellationToken, Task> CreateInvoker<TEvent>() =>
        async (provider, eventData, ct) =>
        {
            foreach (var handler in provider.GetServices<ILocalEventHandler<TEvent>>())
                await handler.HandleEventAsync((TEvent)eventData, ct);
        };
}
