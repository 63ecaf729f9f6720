namespace HyperCrm.Integrations.Connectors;

public sealed record PickTaskAnswer(string? Id, string? Status);
