namespace HyperCrm.Integrations.Connectors;

public sealed record ConnectionTestDto(bool Ok, string Message, long Milliseconds);
