using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>
/// Checks Standard Webhooks signatures (HMAC-SHA256 over <c>id.timestamp.body</c>, compared in constant time, 5-minute
/// tolerance) with the secret of one channel and source: <c>Webhooks:Inbound:Shops:{source}:Secret</c>,
/// <c>Webhooks:Inbound:Couriers:{provider}:Secret</c> or <c>Webhooks:Inbound:Events:{source}:Secret</c>. A secret serves
/// its own channel only, so a shop's secret cannot sign a courier's status. No secret: refused, with the same answer as a
/// bad signature, so the answer does not tell which sources exist.
/// </summary>
public sealed class InboundWebhookVerifier(IConfiguration configuration)
{
    public const int MaxWebhookIdLength = 200;

    /// <summary>The one answer to every request that is not genuine.</summary>
    public const string Refusal = "The webhook is not signed with this channel's secret, or its signature is stale or malformed.";

    /// <summary>The configuration section of a channel's secrets (<c>Shops</c>, <c>Couriers</c> or <c>Events</c>).</summary>
    public static string SectionOf(string channel) => channel switch
    {
        InboundWebhookService.ShopChannel => "Shops",
        InboundWebhookService.CourierChannel => "Couriers",
        InboundWebhookService.EventsChannel => "Events",
        InboundWebhookService.PaymentsChannel => "Payments",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown inbound webhook channel."),
    };

    /// <summary>The configuration key of one source's secret on one channel.</summary>
    public static string SecretKey(string channel, string name) => $"Webhooks:Inbound:{SectionOf(channel)}:{name}:Secret";

    /// <summary>True when the request is genuine; else the caller answers 401 with <see cref="Refusal"/> and stores nothing.</summary>
    public bool Verify(string channel, string name, string body, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var secret = configuration[SecretKey(channel, name)];
        var id = headers["webhook-id"].ToString();
        if (string.IsNullOrWhiteSpace(secret) || id.Length is 0 or > MaxWebhookIdLength) return false;
        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return true;
        }
        catch (Exception ex) when (ex is WebhookVerificationException or FormatException or ArgumentException)
        {
            return false;
        }
    }
}
