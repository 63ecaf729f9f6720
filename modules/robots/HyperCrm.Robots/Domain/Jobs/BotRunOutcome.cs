namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>How one attempt of a job ended.</summary>
public enum BotRunOutcome
{
    Running,
    Succeeded,
    /// <summary>Failed for a reason retrying may fix (a timeout, the portal's 5xx): the job is tried again.</summary>
    Retrying,
    /// <summary>Failed for a reason retrying cannot fix (sign-in refused, the page changed): a person takes over.</summary>
    Failed,
    /// <summary>Its worker went away (a crash) before it ended; the job was taken up again.</summary>
    Abandoned,
}
