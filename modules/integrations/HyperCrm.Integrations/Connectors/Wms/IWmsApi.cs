using Refit;

namespace HyperCrm.Integrations.Connectors;

public interface IWmsApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/pick-tasks")]
    Task<PickTaskAnswer> CreatePickTaskAsync([Body] PickTaskRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);

    /// <summary>Cancels an open task, or puts a picked one's goods back on the shelves ("cancelled" / "restocked").</summary>
    [Post("/pick-tasks/{id}/cancel")]
    Task<PickTaskAnswer> CancelPickTaskAsync(string id, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Get("/pick-tasks/{id}")]
    Task<PickTaskAnswer> GetPickTaskAsync(string id, CancellationToken cancellationToken);
}
