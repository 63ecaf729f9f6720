using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Events;

public static class EventServiceCollectionExtensions
{
    /// <summary>
    /// Registers a distributed event handler for every IDistributedEventHandler&lt;T&gt; it implements,
    /// guarded by the inbox of <typeparamref name="TInboxDbContext"/> (the DbContext it writes through).
    /// </summary>
    public static IServiceCollection AddDistributedEventHandler<THandler, TInboxDbContext>(this IServiceCollection services)
        where THandler : class
    {
        services.AddScoped<THandler>();
        var interfaces = typeof(THandler).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDistributedEventHandler<>))
            .ToList();
        if (interfaces.Count == 0)
            throw new InvalidOperationException($"{typeof(THandler).Name} implements no IDistributedEventHandler<T>.");
        foreach (var handlerInterface in interfaces)
        {
            var eventType = handlerInterface.GetGenericArguments()[0];
            var invoker = (Func<IServiceProvider, object, CancellationToken, Task>)typeof(EventServiceCollectionExtensions)
                .GetMethod(nameof(CreateInvoker), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(typeof(THandler), eventType)
                .Invoke(null, null)!;
            services.AddSingleton(new DistributedEventHandlerRegistration(
                EventNameAttribute.GetNameOrDefault(eventType), eventType, typeof(THandler), typeof(TInboxDbContext), invoker));
        }
        return services;
    }

    /// <summary>Registers a local (same-transaction) handler for every ILocalEventHandler&lt;T&gt; it implements.</summary>
    public static IServiceCollection AddLocalEventHandler<THandler>(this IServiceCollection services)
        where THandler : class
    {
        foreach (var handlerInterface in typeof(THandler).GetInterfaces()
                     .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ILocalEventHandler<>)))
            services.AddScoped(handlerInterface, typeof(THandler));
        return services;
    }

    private static Func<IServiceProvider, object, CancellationToken, Task> CreateInvoker<THandler, TEvent>()
        where THandler : class =>
        (provider, eventData, ct) => ((IDistributedEventHandler<TEvent>)provider.GetRequiredService<THandler>())
            .HandleEventAsync((TEvent)eventData, ct);
}
