namespace HyperCrm.Automation.Catalog;

/// <summary>The catalog entry of an action, as the editor shows it.</summary>
public sealed record ActionDescriptor(string Name, string Module, string Description, bool HasSideEffects,
    IReadOnlyList<ActionParameter> Parameters)
{
    /// <summary>The events this action may cause (trigger keys), so publishing can warn of rules that retrigger each other.</summary>
    public IReadOnlyList<string> Emits { get; init; } = [];

    /// <summary>Outputs later steps can read as <c>steps.&lt;step id&gt;.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<CatalogField> Outputs { get; init; } = [];

    /// <summary>The trigger key of the event this action may wait for; its fields (<c>event.…</c>) are readable after it.</summary>
    public string? WaitsFor { get; init; }
}
