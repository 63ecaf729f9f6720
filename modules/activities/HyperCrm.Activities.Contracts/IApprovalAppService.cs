namespace HyperCrm.Activities;

/// <summary>A human decision something waits for (a rule, later the automation engine): approve or reject with a comment.</summary>
public interface IApprovalAppService
{
    Task<IReadOnlyList<ApprovalDto>> GetPendingAsync(CancellationToken cancellationToken = default);

    Task<ApprovalDto> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken = default);
}
