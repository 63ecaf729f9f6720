namespace HyperCrm.Automation.Catalog;

/// <summary>The catalog entry of a trigger, as the editor shows it.</summary>
public sealed record TriggerDescriptor(string Key, string Module, string Description, TriggerKind Kind, IReadOnlyList<CatalogField> Fields);
