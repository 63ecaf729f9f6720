namespace HyperCrm.Integrations.Connectors;

public sealed record HealthAnswer(string? Status);
