using System.Reflection;

namespace HyperCrm.Framework.Events;

/// <summary>The stable name an event is stored under in outboxes; renaming the class keeps the name.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>False for plumbing events (timeline feed entries) that rules should not start from.</summary>
    public bool IsTrigger { get; init; } = true;

    public static string GetNameOrDefault(Type eventType) =>
        eventType.GetCustomAttribute<EventNameAttribute>()?.Name ?? eventType.FullName!;
}
