using HyperCrm.Framework.Domain;
using HyperCrm.Integrations.Webhooks;

namespace HyperCrm.Integrations.Domain;

/// <summary>One event for one subscription: sent until a 2xx, with backoff and jitter over more than 72 hours.</summary>
public sealed class WebhookDelivery : Entity<Guid>
{
    /// <summary>When the next attempt is due after each failure (± 20 % jitter): about 100 hours in all (80 at the shortest jitter), the
    /// last ones 12 h apart.</summary>
    public static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
        TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12),
            TimeSpan.FromHours(12),
        TimeSpan.FromHours(12),
    ];

    public Guid SubscriptionId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string EventType { get; private set; } = string.Empty;
    public string EventKey { get; private set; } = string.Empty;
    public Guid? OrderId { get; private set; }
    public string Payload { get; private set; } = string.Empty;
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }

    private WebhookDelivery() { }

    public WebhookDelivery(Guid id, WebhookSubscription subscription, string eventType, string eventKey, Guid? orderId, string payload,
        DateTimeOffset now) : base(id)
    {
        SubscriptionId = subscription.Id;
        PartnerId = subscription.PartnerId;
        EventType = eventType;
        EventKey = eventKey;
        OrderId = orderId;
        Payload = payload;
        State = DeliveryState.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        State = DeliveryState.Delivered;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt: the next one after the backoff (or the receiver's Retry-After, when later); failed when the schedule is
    /// spent.</summary>
    public void AttemptFailed(int? statusCode, string error, TimeSpan? retryAfter, DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts > Backoff.Length)
        {
            State = DeliveryState.Failed;
            NextAttemptAt = null;
            return;
        }
        var wait = Backoff[Attempts - 1] * (0.8 + random.NextDouble() * 0.4);
        if (retryAfter is { } asked && asked > wait) wait = asked > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : asked;
        NextAttemptAt = now + wait;
    }

    /// <summary>The receiver said 410 Gone: nothing more goes to it.</summary>
    public void Gone(int statusCode)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastError = "410 Gone: the subscription was disabled";
        State = DeliveryState.Cancelled;
        NextAttemptAt = null;
    }

    public void Cancel(string reason)
    {
        State = DeliveryState.Cancelled;
        LastError = reason;
        NextAttemptAt = null;
    }

    public void Replay(DateTimeOffset now)
    {
        State = DeliveryState.Pending;
        NextAttemptAt = now;
    }
}
