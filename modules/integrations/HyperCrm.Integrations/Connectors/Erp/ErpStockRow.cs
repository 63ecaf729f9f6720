namespace HyperCrm.Integrations.Connectors;

public sealed record ErpStockRow(string? Sku, string? Description, decimal? Price, int? OnHand, int? Reserved);
