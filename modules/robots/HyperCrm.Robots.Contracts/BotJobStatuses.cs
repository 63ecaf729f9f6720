namespace HyperCrm.Robots;

/// <summary>How a bot's job ended, as <see cref="BotJobFinishedEto.Status"/> and the <c>rpa.run_bot</c> step say it.</summary>
public static class BotJobStatuses
{
    public const string Succeeded = "succeeded";
    public const string DoneByPerson = "done_by_person";
    public const string Cancelled = "cancelled";
}
