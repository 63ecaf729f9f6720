namespace HyperCrm.Activities;

public sealed record ApprovalDto(
    Guid Id, string Title, string? Details, ApprovalStatus Status, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);
