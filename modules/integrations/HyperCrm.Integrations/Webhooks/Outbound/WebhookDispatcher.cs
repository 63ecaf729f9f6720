using System.Diagnostics;
using System.Globalization;
using System.Text;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Threading;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>
/// Sends due deliveries (several instances share them with <c>FOR UPDATE SKIP LOCKED</c>), signed with the Standard
/// Webhooks scheme (the delivery id is the webhook-id, the same on every attempt). Every attempt is logged; 2xx is
/// done, 410 disables the subscription, anything else retries with backoff and jitter (or after Retry-After).
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory clients, WebhookSignal signal,
    IOptions<OutboundWebhookOptions> options,
    TimeProvider clock, DatabaseReadiness readiness, ILogger<WebhookDispatcher> logger) : SignalledWorker(signal, readiness, logger)
{
    public const string ClientName = "hypercrm-webhooks";

    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken) => await DispatchDueAsync(cancellationToken) > 0;

    /// <summary>The earliest next attempt of a delivery (a retry's backoff, a lease running out).</summary>
    protected override async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.NextAttemptAt != null).MinAsync(d => d.NextAttemptAt, cancellationToken);
    }

    protected override bool KnowsNextDue => true;

    /// <summary>
    /// One round: leases the due deliveries in one short transaction (their next attempt moved past the send timeout,
    /// so no other instance takes them meanwhile), sends them side by side with no database lock held, and writes the
    /// outcomes. Whatever goes wrong with one delivery (even before a request is made) is that delivery's failed
    /// attempt and leaves the others alone. The outcomes are saved together; should that save fail, each is saved on
    /// its own, so one bad row never loses the others. A delivery whose outcome was never written (a crash) is sent
    /// again when its lease runs out, under the same webhook-id.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var leased = await LeaseAsync(cancellationToken);
        if (leased.Count == 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
        var due = await db.Deliveries.Where(d => leased.Contains(d.Id) && d.State == DeliveryState.Pending).ToListAsync(cancellationToken);
        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var attempts = await Task.WhenAll(due.Select(d => SendAsync(d, subscriptions.GetValueOrDefault(d.SubscriptionId), secrets,
            cancellationToken)));
        var gone = new List<Guid>();
        foreach (var (delivery, attempt) in due.Zip(attempts))
        {
            if (attempt is null) continue;
            db.Attempts.Add(attempt);
            if (attempt.StatusCode == 410 && subscriptions.GetValueOrDefault(delivery.SubscriptionId) is { } subscription)
            {
                subscription.Disable($"the endpoint answered 410 Gone at {attempt.At:u}");
                delivery.Gone(410);
                gone.Add(subscription.Id);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Saving {Count} webhook outcomes together failed; saving each on its own", due.Count);
            db.ChangeTracker.Clear();
            foreach (var (delivery, attempt) in due.Zip(attempts)) await SaveOneAsync(delivery.Id, attempt, cancellationToken);
        }
        // Nothing more goes to a disabled subscription.
        foreach (var subscriptionId in gone.Distinct())
            await db.Deliveries.Where(d => d.SubscriptionId == subscriptionId && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.NextAttemptAt,
                    (DateTimeOffset?)null)
                    .SetProperty(d => d.LastError, "the subscription was disabled (410 Gone)"), cancellationToken);
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

    /// <summary>The outcome of one delivery, saved on its own (after a save of all of them together failed).</summary>
    private async Task SaveOneAsync(Guid deliveryId, WebhookAttempt? attempt, CancellationToken cancellationToken)
    {
        if (attempt is null) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.State == DeliveryState.Pending,
                cancellationToken);
            if (delivery is null) return;
            var done = attempt.At.AddMilliseconds(attempt.Milliseconds);
            if (attempt.StatusCode is >= 200 and < 300) delivery.Succeeded(attempt.StatusCode.Value, done);
            else if (attempt.StatusCode != 410) delivery.AttemptFailed(attempt.StatusCode, attempt.Error ?? "failed", null, done,
                Random.Shared);
            db.Attempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Webhook delivery {Delivery}'s outcome could not be saved; it is sent again when its lease runs out",
                deliveryId);
        }
    }

    private async Task<WebhookAttempt?> SendAsync(WebhookDelivery delivery, WebhookSubscription? subscription, WebhookSecrets secrets,
        CancellationToken cancellationToken)
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
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
                timeout.Token);
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
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (a URL the client cannot use, a bad header) fails this delivery's attempt, not the round.
            error = "the request could not be made: " + ex.Message;
        }
        watch.Stop();
        var done = clock.GetUtcNow();
        HyperTelemetry.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome",
            status is >= 200 and < 300 ? "delivered" : status == 410 ? "gone" : "failed"));
        if (status is >= 200 and < 300) delivery.Succeeded(status.Value, done);
        else if (status != 410) delivery.AttemptFailed(status, error ?? $"HTTP {status}", retryAfter, done, Random.Shared);
        if (status is not (>= 200 and < 300)) logger.LogInformation("Webhook delivery {Delivery} attempt {Attempt}: {Status}", delivery.Id,
            number, status?.ToString(CultureInfo.InvariantCulture) ?? error);
        return new WebhookAttempt(Guid.CreateVersion7(), delivery.Id, number, now, status,
            error ?? (status is >= 200 and < 300 ? null : $"HTTP {status}"), watch.ElapsedMilliseconds);
    }
}
