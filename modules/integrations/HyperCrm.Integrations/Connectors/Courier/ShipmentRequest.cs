namespace HyperCrm.Integrations.Connectors;

public sealed record ShipmentRequest(string Reference, string Recipient, string? Phone, string Address);
