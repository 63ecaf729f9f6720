using Refit;

namespace HyperCrm.Integrations.Connectors;

/// <summary>The SMS gateway and the mail service share one message API shape.</summary>
public interface IMessageApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/messages")]
    Task<MessageAnswer> SendAsync([Body] MessageRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}
