namespace HyperCrm.Operations.Jobs;

/// <summary>A Quartz job with its triggers and its last execution, as the console lists it.</summary>
public sealed record ScheduledJob(string Group, string Name, string? Description, string JobType, IReadOnlyList<ScheduledTrigger> Triggers,
    Domain.JobOutcome? Last)
{
    public string Key => $"{Group}.{Name}";

    public bool Paused => Triggers.Count > 0 && Triggers.All(t => t.State == "Paused");
}
