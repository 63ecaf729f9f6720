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
}
