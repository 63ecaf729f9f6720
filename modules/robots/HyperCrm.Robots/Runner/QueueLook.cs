namespace HyperCrm.Robots.Runner;

/// <summary>What the bot pool reads of the queue: jobs a worker could take now, and when the next one becomes claimable (null:
/// none queued or running). Read with SqlQuery: its columns are ready and next_due (the model's snake_case names).</summary>
public sealed class QueueLook
{
    public int Ready { get; init; }

    public DateTimeOffset? NextDue { get; init; }
}
