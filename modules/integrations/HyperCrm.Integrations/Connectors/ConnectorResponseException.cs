namespace HyperCrm.Integrations.Connectors;

/// <summary>An answer that lacks what we rely on: an error at the connector, never a null further down.</summary>
public sealed class ConnectorResponseException(string connector, string message) : Exception($"{connector}: {message}")
{
    public string Connector { get; } = connector;
}
