namespace HyperCrm.Integrations.Connectors;

public sealed record MessageRequest(string To, string? Subject, string Text, string? Reference);
