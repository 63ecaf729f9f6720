namespace HyperCrm.Integrations.Connectors;

public sealed record MessageAnswer(string? Id, string? Status);
