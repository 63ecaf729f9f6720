namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>Where a bot's job stands. Queued and running jobs are the queue; the others are over, except
/// <see cref="NeedsPerson"/>, which waits for a person (who does it by hand, or retries the bot).</summary>
public enum BotJobState
{
    Queued,
    Running,
    Succeeded,
    NeedsPerson,
    DoneByPerson,
    Cancelled,

    /// <summary>Rides on another order's queued job (<see cref="BotJob.ShareOf"/>): its lines were added to that job, which
    /// does the work for both.</summary>
    Shared,
}
