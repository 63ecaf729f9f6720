using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Domain;

/// <summary>A note a person writes about a customer, deal or order; it appears on the customer's timeline.</summary>
public sealed class Note : AuditedAggregateRoot<Guid>
{
    public const int MaxTextLength = 4000;

    public string Text { get; private set; } = string.Empty;
    public LinkKind LinkKind { get; private set; }
    public Guid LinkId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;

    private Note() { }

    public Note(Guid id, string text, LinkKind linkKind, Guid linkId, Guid? customerId, string authorName, DateTimeOffset now)
        : base(id)
    {
        Text = Check.NotNullOrWhiteSpace(text, nameof(text), MaxTextLength).Trim();
        LinkKind = linkKind;
        LinkId = linkId;
        CustomerId = customerId ?? (linkKind == LinkKind.Customer ? linkId : null);
        AuthorName = authorName;
        if (CustomerId is { } customer)
        {
            var title = Text.Length > 120 ? Text[..120] + "…" : Text;
            AddDistributedEvent(new TimelineEventEto(customer, now, "activities", "note.added",
                Message.Of("Activities:Timeline:Note", ("title", title)), ActorKind.Human,
                authorName, null, id, TimelineReferenceKinds.Note));
        }
    }
}
