namespace HyperCrm.Sandbox;

public sealed record ErpLine(string Sku, int Quantity, decimal Price);
