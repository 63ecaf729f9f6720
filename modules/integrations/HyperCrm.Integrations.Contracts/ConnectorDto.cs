namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// A connector's settings as an admin sees them: never the secret itself, only whether one is set, and where they come from
/// (<see cref="FromConfiguration"/>: the deployment's <c>Connectors__{name}__…</c> settings, which the page cannot change).
/// </summary>
public sealed record ConnectorDto(string Name, string BaseUrl, string? UserName, bool HasSecret, int TimeoutSeconds, bool IsConfigured,
    bool UsesSandboxDefault, bool FromConfiguration = false);
