namespace HyperCrm.Operations.Domain;

/// <summary>The last execution of a scheduled (Quartz) job: when, where, how long, and whether it failed.</summary>
public sealed class JobOutcome
{
    public const int MaxErrorLength = 1000;

    public string JobGroup { get; set; } = string.Empty;
    public string JobName { get; set; } = string.Empty;
    public DateTimeOffset FiredAt { get; set; }
    public double Seconds { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public string InstanceName { get; set; } = string.Empty;
    public long Executions { get; set; }
    public long Failures { get; set; }
}
