using Refit;

namespace HyperCrm.Integrations.Connectors;

public interface ICourierApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/shipments")]
    Task<ShipmentAnswer> CreateShipmentAsync([Body] ShipmentRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);

    /// <summary>Cancels a shipment the courier has not delivered; 409 once it is delivered or returned.</summary>
    [Post("/shipments/{trackingNumber}/cancel")]
    Task<ShipmentAnswer> CancelShipmentAsync(string trackingNumber, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);
}
