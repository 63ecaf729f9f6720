using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Threading;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace HyperCrm.Integrations.Webhooks;

public sealed class OutboundWebhookOptions
{
    public bool DispatcherEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 32;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Wakes the dispatcher when deliveries were queued.</summary>
public sealed class WebhookSignal : HyperCrm.Framework.Threading.WakeSignal;

/// <summary>Secrets of subscriptions, encrypted with Data Protection (keys in PostgreSQL).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private IDataProtector Protector => provider.CreateProtector("HyperCrm.Integrations.WebhookSecret");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);

    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValid(string secret)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal)) return false;
        var bytes = new byte[128];
        return Convert.TryFromBase64String(secret["whsec_".Length..], bytes, out var length) && length is >= 24 and <= 64;
    }
}

/// <summary>
/// Turns order events into deliveries for the subscriptions of the partner that owns the order (inside the integrations
/// inbox transaction: a redelivered event adds none, and the unique (subscription, event) index guards it again).
/// </summary>
public sealed class OrderWebhookEventHandler(IntegrationsDbContext db, IOrderIntegrationService orders, WebhookSignal signal, TimeProvider clock)
    : IDistributedEventHandler<OrderCreatedEto>, IDistributedEventHandler<OrderStatusChangedEto>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public Task HandleEventAsync(OrderCreatedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return QueueAsync(eventData.PartnerId, eventData.OrderId, [WebhookEventTypes.OrderCreated], $"created:{eventData.OrderId:N}", null, cancellationToken);
    }

    public Task HandleEventAsync(OrderStatusChangedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var to = CatalogValues.WireName(eventData.To);
        List<string> types = [WebhookEventTypes.OrderStatusChanged];
        if ($"order.{to}" is var specific && WebhookEventTypes.All.Contains(specific)) types.Add(specific);
        var change = new { from = CatalogValues.WireName(eventData.From), to, reason = eventData.Reason };
        return QueueAsync(eventData.PartnerId, eventData.OrderId, types, $"status:{eventData.OrderId:N}:{to}", change, cancellationToken);
    }

    private async Task QueueAsync(Guid? partnerId, Guid orderId, IReadOnlyList<string> types, string eventKey, object? change, CancellationToken cancellationToken)
    {
        if (partnerId is not { } partner) return;
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.PartnerId == partner && s.IsActive && !s.IsDeleted).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null) return;
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            foreach (var type in types.Where(subscription.Wants))
            {
                var payload = JsonSerializer.Serialize(new { type, timestamp = now, data = new { order, change } }, Json);
                db.Deliveries.Add(new WebhookDelivery(Guid.CreateVersion7(), subscription, type, $"{type}:{eventKey}", orderId, payload, now));
            }
        }
        signal.Notify();
    }
}

/// <summary>
/// Sends due deliveries (several instances share them with <c>FOR UPDATE SKIP LOCKED</c>), signed with the Standard
/// Webhooks scheme (the delivery id is the webhook-id, the same on every attempt). Every attempt is logged; 2xx is
/// done, 410 disables the subscription, anything else retries with backoff and jitter (or after Retry-After).
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSignal signal, IOptions<OutboundWebhookOptions> options,
    TimeProvider clock, DatabaseReadiness readiness, ILogger<WebhookDispatcher> logger) : SignalledWorker(signal, readiness, logger)
{
    public const string ClientName = "hypercrm-webhooks";

    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await DispatchDueAsync(cancellationToken) > 0;

    /// <summary>
    /// One round: leases the due deliveries in one short transaction (their next attempt moved past the send timeout,
    /// so no other instance takes them meanwhile), sends them side by side with no database lock held, and commits each
    /// outcome on its own. Whatever goes wrong with one delivery is logged and leaves the others alone; a delivery whose
    /// outcome was never written (a crash) is sent again when its lease runs out, under the same webhook-id.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var leased = await LeaseAsync(cancellationToken);
        if (leased.Count == 0) return 0;
        await Task.WhenAll(leased.Select(id => DeliverAsync(id, cancellationToken)));
        return leased.Count;
    }

    private async Task<List<Guid>> LeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Timeout + LeaseMargin;
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE integrations.webhook_deliveries SET next_attempt_at = {leaseUntil}
            WHERE id IN (SELECT id FROM integrations.webhook_deliveries WHERE next_attempt_at <= {now} AND state = 'Pending'
                         ORDER BY next_attempt_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>How long past the send timeout a leased delivery stays out of other instances' reach.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    private async Task DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id && d.State == DeliveryState.Pending, cancellationToken);
            if (delivery is null) return;
            var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
            var attempt = await SendAsync(delivery, subscription, scope.ServiceProvider.GetRequiredService<WebhookSecrets>(), cancellationToken);
            if (attempt is not null)
            {
                db.Attempts.Add(attempt);
                if (attempt.StatusCode == 410 && subscription is not null)
                {
                    subscription.Disable($"the endpoint answered 410 Gone at {attempt.At:u}");
                    delivery.Gone(410);
                    // Nothing more goes to a disabled subscription.
                    await db.Deliveries.Where(d => d.SubscriptionId == subscription.Id && d.State == DeliveryState.Pending && d.Id != delivery.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null)
                            .SetProperty(d => d.LastError, "the subscription was disabled (410 Gone)"), cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Webhook delivery {Delivery} could not be processed; it is tried again when its lease runs out", id);
        }
    }

    private async Task<WebhookAttempt?> SendAsync(WebhookDelivery delivery, WebhookSubscription? subscription, WebhookSecrets secrets, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (subscription is null || !subscription.IsActive || subscription.IsDeleted)
        {
            delivery.Cancel("the subscription is disabled or deleted");
            return null;
        }
        var number = delivery.Attempts + 1;
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        TimeSpan? retryAfter = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            var webhookId = "msg_" + delivery.Id.ToString("N");
            var signature = new StandardWebhook(secrets.Unprotect(subscription.ProtectedSecret)).Sign(webhookId, now, delivery.Payload);
            request.Headers.Add("webhook-id", webhookId);
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", signature);
            request.Headers.Add("User-Agent", "HyperCrm-Webhooks/1.0");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - now,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"no answer within {options.Value.Timeout.TotalSeconds:0} s" : ex.Message;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            error = "the subscription's secret cannot be read (Data Protection keys changed)";
        }
        watch.Stop();
        var done = clock.GetUtcNow();
        if (status is >= 200 and < 300) delivery.Succeeded(status.Value, done);
        else if (status != 410) delivery.AttemptFailed(status, error ?? $"HTTP {status}", retryAfter, done, Random.Shared);
        if (status is not (>= 200 and < 300)) logger.LogInformation("Webhook delivery {Delivery} attempt {Attempt}: {Status}", delivery.Id, number, status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return new WebhookAttempt(Guid.CreateVersion7(), delivery.Id, number, now, status, error ?? (status is >= 200 and < 300 ? null : $"HTTP {status}"), watch.ElapsedMilliseconds);
    }
}
