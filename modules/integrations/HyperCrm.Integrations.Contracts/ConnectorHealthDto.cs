namespace HyperCrm.Integrations.Connectors;

/// <summary>How a connector is doing, on this instance: last success, error rate, circuit state.</summary>
public sealed record ConnectorHealthDto(string Name, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, int Calls,
    int Failures, double ErrorRate, string CircuitState);
