using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Connectors;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Integrations.Application;

public sealed class EmailIntegrationService(IEmailApi email, ILogger<EmailIntegrationService> logger) : IEmailIntegrationService
{
    public async Task<bool> SendAsync(string to, string subject, string text, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await email.SendAsync(new MessageRequest(to, subject, text, "staff"), idempotencyKey, "staff", cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or Refit.ApiException or WorkPausedException or TimeoutException
                                       or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning("An email to staff could not be sent: {Error}", ex.Message);
            return false;
        }
    }
}
