using System.Collections.Concurrent;

namespace HyperCrm.Framework.Events;

/// <summary>Knows every distributed event type by its stored name and every consumer of each.</summary>
public sealed class EventRegistry(IEnumerable<DistributedEventHandlerRegistration> registrations)
{
    private readonly ILookup<string, DistributedEventHandlerRegistration> _byName =
        registrations.ToLookup(r => r.EventName, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Type> _types = new(
        registrations.GroupBy(r => r.EventName).ToDictionary(g => g.Key, g => g.First().EventType), StringComparer.Ordinal);

    public IEnumerable<DistributedEventHandlerRegistration> HandlersOf(string eventName) => _byName[eventName];

    public Type? FindType(string eventName) => _types.GetValueOrDefault(eventName);

    public string Register(Type eventType)
    {
        var name = EventNameAttribute.GetNameOrDefault(eventType);
        _types.TryAdd(name, eventType);
        return name;
    }
}
