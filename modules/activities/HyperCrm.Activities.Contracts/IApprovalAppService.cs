namespace HyperCrm.Activities;

/// <summary>A human decision something waits for (a rule, later the automation engine): approve or reject with a comment.</summary>
public interface IApprovalAppService
{
    Task<IReadOnlyList<ApprovalDto>> GetPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>The decisions still open about one customer, deal or order (shown on its page).</summary>
    Task<IReadOnlyList<ApprovalDto>> GetPendingForAsync(LinkKind kind, Guid id, CancellationToken cancellationToken = default);

    Task<ApprovalDto> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken = default);
}
