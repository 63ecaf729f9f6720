namespace HyperCrm.Integrations.Connectors;

public sealed record ErpLineRequest(string Sku, int Quantity, decimal Price);
