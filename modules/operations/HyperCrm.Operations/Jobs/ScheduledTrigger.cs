namespace HyperCrm.Operations.Jobs;

/// <summary>One trigger of a job: its schedule's next and previous fire time, its state, and whether it misfired (its next fire
/// time is past the scheduler's misfire threshold).</summary>
public sealed record ScheduledTrigger(string Group, string Name, string Type, string? Description, DateTimeOffset? NextFireAt,
    DateTimeOffset? PreviousFireAt, string State, bool Misfired);
