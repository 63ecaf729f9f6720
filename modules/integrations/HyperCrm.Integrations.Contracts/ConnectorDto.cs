namespace HyperCrm.Integrations.Connectors;

/// <summary>A connector's settings as an admin sees them: never the secret itself, only whether one is set.</summary>
public sealed record ConnectorDto(string Name, string BaseUrl, string? UserName, bool HasSecret, int TimeoutSeconds, bool IsConfigured,
    bool UsesSandboxDefault);
