namespace HyperCrm.Integrations.Connectors;

public sealed record PaymentRequest(string Reference, decimal Amount, string Currency);
