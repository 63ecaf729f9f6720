using Refit;

namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// The card payment gateway: authorize at intake, capture at shipment, void or refund. Writes carry an idempotency key
/// and the CRM order they are for; a late answer comes by the gateway's signed webhook.
/// </summary>
public interface IPaymentApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/payments")]
    Task<PaymentAnswer> AuthorizeAsync([Body] PaymentRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/payments/{id}/capture")]
    Task<PaymentAnswer> CaptureAsync(string id, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/payments/{id}/void")]
    Task<PaymentAnswer> VoidAsync(string id, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/payments/{id}/refund")]
    Task<PaymentAnswer> RefundAsync(string id, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);
}
