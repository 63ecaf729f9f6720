namespace HyperCrm.Integrations.Webhooks;

public sealed record WebhookDeliveryDto(Guid Id, Guid SubscriptionId, string Url, string EventType, Guid? OrderId, DeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError,
    IReadOnlyList<WebhookAttemptDto> AttemptLog);
