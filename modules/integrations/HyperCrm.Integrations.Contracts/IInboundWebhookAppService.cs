namespace HyperCrm.Integrations.Webhooks;

/// <summary>The inbound webhook log for staff.</summary>
public interface IInboundWebhookAppService
{
    /// <summary>The latest webhooks received, newest first, each body cut to <paramref name="bodyChars"/> characters.</summary>
    Task<IReadOnlyList<InboundWebhookDto>> GetLatestAsync(int count = 100, int bodyChars = 4000,
        CancellationToken cancellationToken = default);
}
