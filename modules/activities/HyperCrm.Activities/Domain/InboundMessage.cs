using HyperCrm.Activities.Messages;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Domain;

/// <summary>
/// A message a customer sent us (an email read from the mailbox, one a partner relayed). It lands on the customer's
/// timeline when we know who sent it, waits in the support inbox until someone handles it, and carries what triage read
/// in it: intent, sentiment, language, confidence and the model that read it.
/// </summary>
public sealed class InboundMessage : AggregateRoot<Guid>
{
    public MessageChannel Channel { get; private set; }
    public string? FromEmail { get; private set; }
    public string? FromPhone { get; private set; }
    public string? FromName { get; private set; }
    public string? Subject { get; private set; }
    public string Text { get; private set; } = string.Empty;
    public Guid? CustomerId { get; private set; }
    public Guid? OrderId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string? ExternalId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public bool Handled { get; private set; }
    public string? Intent { get; private set; }
    public double? IntentConfidence { get; private set; }
    public string? Sentiment { get; private set; }
    public string? Language { get; private set; }
    public string? TriagedBy { get; private set; }

    /// <summary>A reply drafted for a person to check and send (the AI never sends one), and who drafted it.</summary>
    public string? DraftReply { get; private set; }
    public string? DraftSource { get; private set; }

    private InboundMessage() { }

    public InboundMessage(Guid id, ReceiveMessageDto input, Guid? customerId, Guid? partnerId, DateTimeOffset now)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(input);
        Channel = input.Channel;
        FromEmail = input.FromEmail?.Trim().ToLowerInvariant();
        FromPhone = input.FromPhone?.Trim();
        FromName = input.FromName?.Trim();
        Subject = input.Subject?.Trim();
        Text = Check.NotNullOrWhiteSpace(input.Text, nameof(input.Text), InboundMessageConsts.MaxTextLength).Trim();
        CustomerId = customerId;
        OrderId = input.OrderId;
        PartnerId = partnerId;
        ExternalId = input.ExternalId?.Trim();
        ReceivedAt = now;
        AddDistributedEvent(new MessageReceivedEto(id, customerId, OrderId, Channel, Text));
        if (customerId is { } customer)
        {
            var title = Subject ?? (Text.Length > 120 ? Text[..120] + "…" : Text);
            AddDistributedEvent(new TimelineEventEto(customer, now, "activities", "message.received",
                Message.Of("Activities:Timeline:MessageReceived", ("channel", Channel), ("title", title)),
                partnerId is null ? ActorKind.System : ActorKind.Partner,
                FromName ?? FromEmail ?? FromPhone, null, id, TimelineReferenceKinds.Message));
        }
    }

    public void RecordTriage(string intent, double confidence, string sentiment, string language, string model) =>
        (Intent, IntentConfidence, Sentiment, Language, TriagedBy) = (intent, Math.Round(confidence, 3), sentiment, language, model);

    public void MarkHandled() => Handled = true;

    public void AttachDraft(string text, string source) =>
        (DraftReply, DraftSource) = (Check.NotNullOrWhiteSpace(text, nameof(text), InboundMessageConsts.MaxTextLength), source);
}
