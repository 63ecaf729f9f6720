namespace HyperCrm.Integrations.Connectors;

public sealed record PaymentAnswer(string? Id, string? Status, string? Reason);
