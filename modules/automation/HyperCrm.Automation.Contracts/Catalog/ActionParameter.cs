namespace HyperCrm.Automation.Catalog;

/// <summary>A typed parameter of an action. Values are templates: text with <c>{{ expression }}</c> parts.</summary>
public sealed record ActionParameter(string Name, FieldType Type, bool Required, string Description, string? Example = null)
{
    /// <summary>
    /// True for a parameter that holds JSON (a request body): each value put into it is escaped as JSON string content,
    /// so a customer's name with a quote in it cannot end the string and add fields of its own.
    /// </summary>
    public bool JsonEscaped { get; init; }

    /// <summary>
    /// True for a parameter that names catalog actions, comma-separated (an agent's tools): the editor offers the catalog
    /// to pick from, and publishing refuses a name the catalog does not offer or an action that waits for an event.
    /// </summary>
    public bool ActionList { get; init; }

    /// <summary>The action names of an <see cref="ActionList"/> value: comma-separated, trimmed, each once.</summary>
    public static IReadOnlyList<string> ActionNames(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.Ordinal).ToList();
}
