namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// How a connector is doing: last success, error rate over the recent calls, circuit state. Across instances (<see
/// cref="IConnectorAppService.GetSharedHealthAsync"/>) the counts are summed, the circuit is the worst one, and <see
/// cref="OpenOn"/> names the instances whose circuit is not closed.
/// </summary>
public sealed record ConnectorHealthDto(string Name, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, int Calls,
    int Failures, double ErrorRate, string CircuitState)
{
    /// <summary>How many recent calls the error rate is over.</summary>
    public int RecentCalls { get; init; }

    /// <summary>Instances that reported this connector.</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    /// <summary>Instances whose circuit for this connector is open or half-open.</summary>
    public IReadOnlyList<string> OpenOn { get; init; } = [];

    /// <summary>Paused by an operator: calls wait.</summary>
    public bool Paused { get; init; }
}
