using System.Reflection;
using System.Text.Json;
using HyperCrm.Automation.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The catalog the editor and the engine share: every module's distributed events as triggers (their own properties
/// as <c>event.*</c> fields, plus what the owning module's enricher adds), the manual trigger, and every action
/// modules registered. Built once, on first use.
/// </summary>
public sealed class AutomationCatalog(IEnumerable<EventTriggerType> eventTypes, IServiceScopeFactory scopes, AutomationActionMap actionMap)
{
    public const string ManualTrigger = "manual";
    public const string ScheduleTrigger = "schedule";

    /// <summary>Fields every rule may read besides its trigger's.</summary>
    public static readonly IReadOnlyList<CatalogField> CommonFields =
    [
        new("wait.timed_out", FieldType.Boolean, "true when the last wait ended by its timeout"),
        new("subject.id", FieldType.Text, "the id of the order, customer or deal the run is about"),
    ];

    private readonly Lazy<Snapshot> _snapshot = new(() => Build(eventTypes.ToList(), scopes, actionMap));

    public IReadOnlyList<TriggerDescriptor> Triggers => _snapshot.Value.Triggers;

    public IReadOnlyList<ActionDescriptor> Actions => _snapshot.Value.Actions;

    public TriggerDescriptor? FindTrigger(string key) => _snapshot.Value.TriggersByKey.GetValueOrDefault(key);

    public ActionDescriptor? FindAction(string name) => _snapshot.Value.ActionsByName.GetValueOrDefault(name);

    public EventTriggerType? FindEventType(string key) => _snapshot.Value.EventTypes.GetValueOrDefault(key);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, FieldType Type,
        PropertyInfo Property)[]> Readers = new();

    /// <summary>The event's own properties as <c>event.*</c> values (enums by their wire names); the property list is read once per
    /// type.</summary>
    public static Dictionary<string, object?> ReadEventFields(object eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var readers = Readers.GetOrAdd(eventData.GetType(), type => Readable(type)
            .Select(p => ("event." + JsonNamingPolicy.CamelCase.ConvertName(p.Name), FieldTypeOf(p.PropertyType)!.Value, p)).ToArray());
        var values = new Dictionary<string, object?>(readers.Length + 24, StringComparer.Ordinal);
        foreach (var (name, type, property) in readers)
            values[name] = HyperCrm.Automation.Domain.Expressions.FieldValues.Normalize(property.GetValue(eventData), type);
        return values;
    }

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0
            && FieldTypeOf(p.PropertyType) is not null);

    internal static FieldType? FieldTypeOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t == typeof(Guid) || t.IsEnum) return FieldType.Text;
        if (t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(double)
            || t == typeof(short)) return FieldType.Number;
        if (t == typeof(bool)) return FieldType.Boolean;
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly)) return FieldType.DateTime;
        if (typeof(IEnumerable<string>).IsAssignableFrom(t)) return FieldType.List;
        return null;
    }

    private static Snapshot Build(List<EventTriggerType> eventTypes, IServiceScopeFactory scopes, AutomationActionMap actionMap)
    {
        using var scope = scopes.CreateScope();
        var enrichers = scope.ServiceProvider.GetServices<ITriggerEnricher>().ToDictionary(e => e.EventName, StringComparer.Ordinal);
        var triggers = new List<TriggerDescriptor>();
        foreach (var eventType in eventTypes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var fields = Readable(eventType.EventType)
                .Select(p => new CatalogField("event." + JsonNamingPolicy.CamelCase.ConvertName(p.Name), FieldTypeOf(p.PropertyType)!.Value,
                    $"the event's {p.Name}"))
                .ToList();
            if (enrichers.TryGetValue(eventType.Key, out var enricher)) fields.AddRange(enricher.Fields);
            triggers.Add(new TriggerDescriptor(eventType.Key, eventType.Module, Describe(eventType), TriggerKind.Event, fields));
        }
        triggers.Add(new TriggerDescriptor(ManualTrigger, "automation",
            "started by hand from the rule page, optionally for one order, customer or deal", TriggerKind.Manual, []));
        triggers.Add(new TriggerDescriptor(ScheduleTrigger, "automation", "on a schedule (a cron expression), once per cluster",
            TriggerKind.Schedule,
            [new CatalogField("schedule.fired_at", FieldType.DateTime, "when the schedule fired")]));
        return new Snapshot(triggers, actionMap.Descriptors.ToList(), eventTypes.ToDictionary(e => e.Key, StringComparer.Ordinal));
    }

    private static string Describe(EventTriggerType eventType)
    {
        var words = eventType.Key.Split('.', '_');
        return $"when {string.Join(' ', words.Skip(1))} ({eventType.Module})";
    }

    private sealed class Snapshot(List<TriggerDescriptor> triggers, List<ActionDescriptor> actions,
        Dictionary<string, EventTriggerType> eventTypes)
    {
        public IReadOnlyList<TriggerDescriptor> Triggers { get; } = triggers;
        public IReadOnlyList<ActionDescriptor> Actions { get; } = actions;
        public Dictionary<string, TriggerDescriptor> TriggersByKey { get; } = triggers.ToDictionary(t => t.Key, StringComparer.Ordinal);
        public Dictionary<string, ActionDescriptor> ActionsByName { get; } = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        public Dictionary<string, EventTriggerType> EventTypes { get; } = eventTypes;
    }
}
