using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Integrations.Domain;

/// <summary>A verified inbound webhook, kept raw for audit; its (channel, source, webhook-id) is unique, so a repeat has no
/// effect.</summary>
public sealed class InboundWebhook : AggregateRoot<Guid>
{
    public const int MaxBodyChars = 1024 * 1024;

    public string Channel { get; private set; } = string.Empty;
    public string Source { get; private set; } = string.Empty;
    public string WebhookId { get; private set; } = string.Empty;
    public string? EventType { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Headers { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public InboundState State { get; private set; }
    /// <summary>What came of it (a message), or why it was refused (the problem the sender was told, verbatim).</summary>
    public Message? Result { get; private set; }
    public Guid? OrderId { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    private InboundWebhook() { }

    public InboundWebhook(Guid id, string channel, string source, string webhookId, string? eventType, string headers, string body,
        DateTimeOffset now) : base(id)
    {
        Channel = channel;
        Source = source;
        WebhookId = webhookId;
        EventType = eventType is { Length: > 80 } ? eventType[..80] : eventType;
        Headers = headers;
        Body = body;
        ReceivedAt = now;
        State = InboundState.Received;
    }

    public void Processed(Message result, Guid? orderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        State = InboundState.Processed;
        Result = result.Limit(1000);
        OrderId = orderId ?? OrderId;
        ProcessedAt = now;
    }

    /// <summary>A webhook meant as a rule trigger: rules see its source, type, id and body.</summary>
    public void RaiseTrigger(string type) => AddDistributedEvent(new WebhookReceivedEto(Source, type, WebhookId,
        Body.Length > 8000 ? Body[..8000] : Body));

    public void Rejected(string result, DateTimeOffset now)
    {
        State = InboundState.Rejected;
        Result = Message.Verbatim(result).Limit(1000);
        ProcessedAt = now;
    }
}
