namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// A connector's effective settings (the deployment's configuration, else the admin's, else the sandbox default), with the
/// secret decrypted.
/// </summary>
public sealed record ConnectorConfig(string Name, string BaseUrl, string? UserName, string? Secret, int TimeoutSeconds, bool IsConfigured,
    bool UsesSandboxDefault, bool FromConfiguration = false);
