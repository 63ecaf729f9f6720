namespace HyperCrm.Activities;

/// <summary>What other modules (and the automation engine) may ask of activities.</summary>
public interface IActivitiesIntegrationService
{
    Task<Guid> RequestApprovalAsync(RequestApprovalInput input, CancellationToken cancellationToken = default);

    /// <summary>Creates a task; with <see cref="CreateWorkTaskDto.SourceKey"/>, creating twice returns the first one.</summary>
    /// <param name="byRule">True when an automation rule creates it (the timeline then says "rule", not "human").</param>
    Task<Guid> CreateTaskAsync(CreateWorkTaskDto input, string createdBy, bool byRule = false,
        CancellationToken cancellationToken = default);

    /// <summary>Marks a task done on behalf of whoever made it unnecessary (a bot that did the work on a retry); a task already
    /// done or gone is left as it is.</summary>
    /// <param name="byAutomation">True when a rule or a bot closes it (the timeline then says so, not "human").</param>
    Task CloseTaskAsync(Guid taskId, string closedBy, bool byAutomation, CancellationToken cancellationToken = default);

    /// <summary>Notifies a user; with a source key, notifying twice has no second effect.</summary>
    Task NotifyAsync(Guid userId, string title, string? url, string? sourceKey = null, CancellationToken cancellationToken = default);
}
