namespace HyperCrm.Activities;

public sealed record RequestApprovalInput(string Title, string? Details, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId,
    string RequestedBy, string? CorrelationKey = null);
