using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Catalog;

/// <summary>The value types rule conditions and action parameters know. Lists hold text (tags, SKUs).</summary>
public enum FieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("datetime")] DateTime,
    [JsonStringEnumMemberName("list")] List,
}

/// <summary>A field a trigger offers to conditions and templates, e.g. <c>order.total</c> (number).</summary>
public sealed record CatalogField(string Name, FieldType Type, string Description);

/// <summary>A typed parameter of an action. Values are templates: text with <c>{{ expression }}</c> parts.</summary>
public sealed record ActionParameter(string Name, FieldType Type, bool Required, string Description, string? Example = null)
{
    /// <summary>
    /// True for a parameter that holds JSON (a request body): each value put into it is escaped as JSON string content,
    /// so a customer's name with a quote in it cannot end the string and add fields of its own.
    /// </summary>
    public bool JsonEscaped { get; init; }
}

/// <summary>What a trigger hands a run: the field values, and the subject (the order or customer the run is about).</summary>
public sealed record TriggerData(IReadOnlyDictionary<string, object?> Values, string? SubjectKind, Guid? SubjectId, string Summary)
{
    /// <summary>Ids other runs may wait on ("until an event about the same order"): the subject and any related ids.</summary>
    public IReadOnlyList<Guid> Correlations { get; init; } = SubjectId is { } id ? [id] : [];
}

/// <summary>The catalog entry of a trigger, as the editor shows it.</summary>
public sealed record TriggerDescriptor(string Key, string Module, string Description, TriggerKind Kind, IReadOnlyList<CatalogField> Fields);

public enum TriggerKind
{
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("schedule")] Schedule,
    [JsonStringEnumMemberName("webhook")] Webhook,
    [JsonStringEnumMemberName("manual")] Manual,
}

/// <summary>The catalog entry of an action, as the editor shows it.</summary>
public sealed record ActionDescriptor(string Name, string Module, string Description, bool HasSideEffects, IReadOnlyList<ActionParameter> Parameters)
{
    /// <summary>The events this action may cause (trigger keys), so publishing can warn of rules that retrigger each other.</summary>
    public IReadOnlyList<string> Emits { get; init; } = [];

    /// <summary>Outputs later steps can read as <c>steps.&lt;step id&gt;.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<CatalogField> Outputs { get; init; } = [];
}
