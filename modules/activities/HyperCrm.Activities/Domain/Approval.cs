using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Domain;

/// <summary>A decision a person makes once: approve or reject, with a comment. The decision is an event others wait for.</summary>
public sealed class Approval : AuditedAggregateRoot<Guid>
{
    public string Title { get; private set; } = string.Empty;
    public string? Details { get; private set; }
    public ApprovalStatus Status { get; private set; }
    public LinkKind LinkKind { get; private set; }
    public Guid? LinkId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string RequestedBy { get; private set; } = string.Empty;
    public string? CorrelationKey { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Comment { get; private set; }

    private Approval() { }

    public Approval(Guid id, RequestApprovalInput input)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(input);
        Title = Check.NotNullOrWhiteSpace(input.Title, nameof(input.Title), 200);
        Details = Check.Length(input.Details, 2000);
        LinkKind = input.LinkKind;
        LinkId = input.LinkId;
        CustomerId = input.CustomerId;
        RequestedBy = Check.NotNullOrWhiteSpace(input.RequestedBy, nameof(input.RequestedBy), 200);
        CorrelationKey = Check.Length(input.CorrelationKey, 200);
        Status = ApprovalStatus.Pending;
    }

    public void Decide(bool approve, string by, string? comment, DateTimeOffset now)
    {
        CheckRule(new ApprovalIsDecidedOnceRule(Status));
        CheckRule(new RejectionNeedsACommentRule(approve, comment));
        Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        DecidedBy = by;
        DecidedAt = now;
        Comment = Check.Length(comment?.Trim(), 1000);
        AddDistributedEvent(new ApprovalDecidedEto(Id, approve, by, Comment, LinkKind, LinkId, CorrelationKey));
        if (CustomerId is { } customer)
            AddDistributedEvent(new TimelineEventEto(customer, now, "activities", approve ? "approval.approved" : "approval.rejected",
                Message.Of(approve ? "Activities:Timeline:Approved" : "Activities:Timeline:Rejected", ("title", Title)),
                ActorKind.Human, by, Message.VerbatimOrNull(Comment), Id, TimelineReferenceKinds.Approval));
    }
}
