namespace HyperCrm.Integrations;

/// <summary>What other modules may ask of the email connector: send a plain message (alerts to staff), once per key.</summary>
public interface IEmailIntegrationService
{
    /// <summary>Sends through the email connector; the same <paramref name="idempotencyKey"/> twice sends once. False when the
    /// connector is not configured or refused (the caller records it; nothing is thrown for a mail that could not go).</summary>
    Task<bool> SendAsync(string to, string subject, string text, string idempotencyKey, CancellationToken cancellationToken = default);
}
