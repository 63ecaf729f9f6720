namespace HyperCrm.Integrations.Connectors;

public sealed record ShipmentAnswer(string? Id, string? Waybill, string? TrackingNumber, string? Status);
