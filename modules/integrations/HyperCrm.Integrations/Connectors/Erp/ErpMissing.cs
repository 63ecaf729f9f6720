namespace HyperCrm.Integrations.Connectors;

public sealed record ErpMissing(string? Sku, int Requested, int Free);
