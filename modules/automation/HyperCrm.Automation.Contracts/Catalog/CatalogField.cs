namespace HyperCrm.Automation.Catalog;

/// <summary>A field a trigger offers to conditions and templates, e.g. <c>order.total</c> (number).</summary>
public sealed record CatalogField(string Name, FieldType Type, string Description);
