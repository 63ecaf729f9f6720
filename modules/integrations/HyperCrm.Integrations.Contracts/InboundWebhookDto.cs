namespace HyperCrm.Integrations.Webhooks;

/// <summary>A received webhook as the inbound log shows it: where from, what came of it, the start of its body.</summary>
public sealed record InboundWebhookDto(
    Guid Id, DateTimeOffset ReceivedAt, string Channel, string Source, string? EventType, string WebhookId, InboundWebhookState State,
    string? Result, Guid? OrderId, string BodyStart, bool BodyCut);
