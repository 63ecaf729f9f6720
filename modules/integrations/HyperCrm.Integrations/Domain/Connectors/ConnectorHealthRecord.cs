namespace HyperCrm.Integrations.Domain;

/// <summary>
/// One instance's view of one connector, published every few seconds while it is in use: its calls, its last 100 calls'
/// failures, its last success and failure, and its circuit breaker's state. Every instance reads all of them.
/// </summary>
public sealed class ConnectorHealthRecord
{
    public string Connector { get; set; } = string.Empty;
    public string InstanceId { get; set; } = string.Empty;
    public string InstanceName { get; set; } = string.Empty;
    public long Calls { get; set; }
    public long Failures { get; set; }
    public int RecentCalls { get; set; }
    public int RecentFailures { get; set; }
    public DateTimeOffset? LastSuccess { get; set; }
    public DateTimeOffset? LastFailure { get; set; }
    public string? LastError { get; set; }
    public string CircuitState { get; set; } = "Closed";
    public DateTimeOffset UpdatedAt { get; set; }
}
