namespace HyperCrm.Integrations.Webhooks;

/// <summary>Partner subscriptions (pass the partner id: a partner sees only its own, anything else is 404) and, for staff (null),
/// all.</summary>
public interface IWebhookSubscriptionAppService
{
    Task<IReadOnlyList<WebhookSubscriptionDto>> GetListAsync(Guid? partnerId, CancellationToken cancellationToken = default);

    Task<CreatedWebhookSubscriptionDto> CreateAsync(CreateWebhookSubscriptionDto input, Guid partnerId,
        CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<DeliveryPageDto> GetDeliveriesAsync(Guid? partnerId, Guid? subscriptionId, DeliveryState? state, int limit, string? cursor,
        CancellationToken cancellationToken = default);

    Task<WebhookDeliveryDto> ReplayAsync(Guid deliveryId, Guid? partnerId, CancellationToken cancellationToken = default);
}
