namespace HyperCrm.Intelligence;

/// <summary>A person overrides the fraud-risk model on an order (from its page): audited, on the order's history, and a
/// label the next training learns from.</summary>
public interface IRiskDecisionAppService
{
    /// <summary>Records the decision; the reason is required (422 naming it otherwise), an unknown order is 404.</summary>
    Task DecideAsync(Guid orderId, bool fraud, string reason, CancellationToken cancellationToken = default);
}
