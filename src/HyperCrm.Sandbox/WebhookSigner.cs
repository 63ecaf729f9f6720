using System.Globalization;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace HyperCrm.Sandbox;

/// <summary>Signs the simulators' webhooks with the Standard Webhooks scheme, with the secrets the CRM was given.</summary>
public sealed class WebhookSigner(IOptionsMonitor<SandboxOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public string ShopSecret() => Secret(options.CurrentValue.Shop.Secret, "Shops", options.CurrentValue.Shop.Source);

    public string PaymentsSecret() => Secret(options.CurrentValue.Payments.Secret, "Payments", options.CurrentValue.Payments.Provider);

    public string CourierSecret() => Secret(options.CurrentValue.Courier.Secret, "Couriers", options.CurrentValue.Courier.Provider);

    private string Secret(string? own, string channel, string name) =>
        !string.IsNullOrWhiteSpace(own) ? own
        : configuration[$"Webhooks:Inbound:{channel}:{name}:Secret"] is { Length: > 0 } shared ? shared
        : throw new InvalidOperationException($"No webhook secret for '{name}': set Webhooks__Inbound__{channel}__{name}__Secret.");

    public void Sign(HttpRequestMessage request, string secret, string webhookId, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var signature = new StandardWebhook(secret).Sign(webhookId, now, body);
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
    }
}
