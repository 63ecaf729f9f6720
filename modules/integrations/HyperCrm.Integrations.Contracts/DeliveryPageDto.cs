namespace HyperCrm.Integrations.Webhooks;

public sealed record DeliveryPageDto(IReadOnlyList<WebhookDeliveryDto> Items, string? NextCursor);
