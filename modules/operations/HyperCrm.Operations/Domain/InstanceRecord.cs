namespace HyperCrm.Operations.Domain;

/// <summary>An app instance on this database, as its heartbeat left it: alive while it reports, gone when it stopped reporting
/// without stopping cleanly.</summary>
public sealed class InstanceRecord
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Host { get; set; } = string.Empty;
    public int ProcessId { get; set; }
    public string Version { get; set; } = string.Empty;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
