using HyperCrm.Framework.Events;

namespace HyperCrm.Activities;

[EventName("activities.approval.decided")]
public sealed record ApprovalDecidedEto(Guid ApprovalId, bool Approved, string DecidedBy, string? Comment, LinkKind LinkKind, Guid? LinkId,
    string? CorrelationKey);
