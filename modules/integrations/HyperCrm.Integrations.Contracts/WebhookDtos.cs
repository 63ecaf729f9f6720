using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>The event types partners may subscribe to (docs/api.md).</summary>
public static class WebhookEventTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderStatusChanged = "order.status_changed";
    public const string OrderShipped = "order.shipped";
    public const string OrderDelivered = "order.delivered";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderCompleted = "order.completed";

    public static readonly IReadOnlyList<string> All = [OrderCreated, OrderStatusChanged, OrderShipped, OrderDelivered, OrderCancelled, OrderCompleted];
}

public sealed record WebhookSubscriptionDto(Guid Id, Guid PartnerId, string? PartnerName, string Url, IReadOnlyList<string> Events, bool IsActive, string? DisabledReason,
    DateTimeOffset CreationTime);

/// <summary>Returned once, at creation: the signing secret is never shown again.</summary>
public sealed record CreatedWebhookSubscriptionDto(WebhookSubscriptionDto Subscription, string Secret);

public sealed class CreateWebhookSubscriptionDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(500, MinimumLength = 8, ErrorMessage = "Validation:StringLength")]
    public string Url { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [MinLength(1, ErrorMessage = "Webhook:NoEvents")]
    public List<string> Events { get; set; } = [];

    /// <summary>A Standard Webhooks secret (<c>whsec_</c> + base64 of 24–64 bytes); generated when omitted.</summary>
    [StringLength(200, ErrorMessage = "Validation:StringLength")]
    public string? Secret { get; set; }
}

public enum DeliveryState
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

public sealed record WebhookAttemptDto(int Number, DateTimeOffset At, int? StatusCode, string? Error, long Milliseconds);

public sealed record WebhookDeliveryDto(Guid Id, Guid SubscriptionId, string Url, string EventType, Guid? OrderId, DeliveryState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError,
    IReadOnlyList<WebhookAttemptDto> AttemptLog);

public sealed record DeliveryPageDto(IReadOnlyList<WebhookDeliveryDto> Items, string? NextCursor);

/// <summary>Partner subscriptions (pass the partner id: a partner sees only its own, anything else is 404) and, for staff (null), all.</summary>
public interface IWebhookSubscriptionAppService
{
    Task<IReadOnlyList<WebhookSubscriptionDto>> GetListAsync(Guid? partnerId, CancellationToken cancellationToken = default);

    Task<CreatedWebhookSubscriptionDto> CreateAsync(CreateWebhookSubscriptionDto input, Guid partnerId, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<DeliveryPageDto> GetDeliveriesAsync(Guid? partnerId, Guid? subscriptionId, DeliveryState? state, int limit, string? cursor, CancellationToken cancellationToken = default);

    Task<WebhookDeliveryDto> ReplayAsync(Guid deliveryId, Guid? partnerId, CancellationToken cancellationToken = default);
}
