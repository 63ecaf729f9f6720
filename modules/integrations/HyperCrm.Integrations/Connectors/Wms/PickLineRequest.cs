namespace HyperCrm.Integrations.Connectors;

public sealed record PickLineRequest(string Sku, int Quantity);
