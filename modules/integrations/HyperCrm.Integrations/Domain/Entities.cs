using HyperCrm.Framework.Domain;
using HyperCrm.Integrations.Webhooks;

namespace HyperCrm.Integrations.Domain;

/// <summary>An admin's settings for one connector; the secret is stored encrypted with Data Protection.</summary>
public sealed class ConnectorSetting : AggregateRoot<Guid>
{
    public string Name { get; private set; } = string.Empty;
    public string BaseUrl { get; private set; } = string.Empty;
    public string? UserName { get; private set; }
    public string? ProtectedSecret { get; private set; }
    public int TimeoutSeconds { get; private set; } = 10;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    private ConnectorSetting() { }

    public ConnectorSetting(Guid id, string name) : base(id) => Name = name;

    /// <summary>
    /// New settings. A stored secret never follows the connector to another host (scheme, host or port): pointing it
    /// elsewhere needs the secret typed again, so a changed URL cannot send the old credentials to whoever is there.
    /// </summary>
    public void Update(string baseUrl, string? userName, string? protectedSecret, int timeoutSeconds, string? by, DateTimeOffset now)
    {
        var url = Check.NotNullOrWhiteSpace(baseUrl, nameof(baseUrl), 300).Trim().TrimEnd('/');
        if (protectedSecret is null && ProtectedSecret is not null && !SameOrigin(BaseUrl, url))
            throw BusinessException.ForField("Integrations:SecretRequiredForNewHost", "secret",
                "The connector now points at another host: enter its secret again (the stored one is kept for the old host only).");
        BaseUrl = url;
        UserName = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (protectedSecret is not null) ProtectedSecret = protectedSecret;
        TimeoutSeconds = Math.Clamp(timeoutSeconds, 1, 120);
        UpdatedBy = by;
        UpdatedAt = now;
    }

    private static bool SameOrigin(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && string.Equals(x.GetLeftPart(UriPartial.Authority), y.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}

public enum InboundState
{
    Received,
    Processed,
    Rejected,
}

/// <summary>A verified inbound webhook, kept raw for audit; its (channel, source, webhook-id) is unique, so a repeat has no effect.</summary>
public sealed class InboundWebhook : AggregateRoot<Guid>
{
    public const int MaxBodyChars = 1024 * 1024;

    public string Channel { get; private set; } = string.Empty;
    public string Source { get; private set; } = string.Empty;
    public string WebhookId { get; private set; } = string.Empty;
    public string? EventType { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Headers { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public InboundState State { get; private set; }
    public string? Result { get; private set; }
    public Guid? OrderId { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    private InboundWebhook() { }

    public InboundWebhook(Guid id, string channel, string source, string webhookId, string? eventType, string headers, string body, DateTimeOffset now) : base(id)
    {
        Channel = channel;
        Source = source;
        WebhookId = webhookId;
        EventType = eventType is { Length: > 80 } ? eventType[..80] : eventType;
        Headers = headers;
        Body = body;
        ReceivedAt = now;
        State = InboundState.Received;
    }

    public void Processed(string result, Guid? orderId, DateTimeOffset now)
    {
        State = InboundState.Processed;
        Result = result.Length > 1000 ? result[..1000] : result;
        OrderId = orderId ?? OrderId;
        ProcessedAt = now;
    }

    /// <summary>A webhook meant as a rule trigger: rules see its source, type, id and body.</summary>
    public void RaiseTrigger(string type) => AddDistributedEvent(new WebhookReceivedEto(Source, type, WebhookId, Body.Length > 8000 ? Body[..8000] : Body));

    public void Rejected(string result, DateTimeOffset now)
    {
        State = InboundState.Rejected;
        Result = result.Length > 1000 ? result[..1000] : result;
        ProcessedAt = now;
    }
}

/// <summary>The ERP counterparty created for a CRM customer (created once, reused by every order).</summary>
public sealed class ErpCounterparty : Entity<Guid>
{
    public string RefKey { get; private set; } = string.Empty;
    public string? Code { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private ErpCounterparty() { }

    public ErpCounterparty(Guid customerId, string refKey, string? code, DateTimeOffset now) : base(customerId)
    {
        RefKey = refKey;
        Code = code;
        CreatedAt = now;
    }
}

/// <summary>
/// What the outside systems did for one order: its ERP documents, reservation, pick task, shipment. The key is the
/// order id. Raises <see cref="PickTaskPickedEto"/> and <see cref="ShipmentStatusChangedEto"/> for rules to react to.
/// </summary>
public sealed class OrderFulfilment : AggregateRoot<Guid>
{
    public string? ErpOrderKey { get; private set; }
    public string? ErpOrderNumber { get; private set; }
    public bool Reserved { get; private set; }
    public string? MissingStock { get; private set; }
    public string? PickTaskId { get; private set; }
    public string? PickStatus { get; private set; }
    public DateTimeOffset? PickCheckedAt { get; private set; }
    public string? CourierProvider { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? Waybill { get; private set; }
    public string? ShipmentStatus { get; private set; }
    public string? SaleDocumentKey { get; private set; }
    public string? SaleDocumentNumber { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private OrderFulfilment() { }

    public OrderFulfilment(Guid orderId, DateTimeOffset now) : base(orderId) => UpdatedAt = now;

    public void ErpOrderCreated(string key, string number, DateTimeOffset now)
    {
        ErpOrderKey = key;
        ErpOrderNumber = number;
        UpdatedAt = now;
    }

    public void ReservationAnswered(bool reserved, string? missing, DateTimeOffset now)
    {
        Reserved = reserved;
        MissingStock = missing;
        UpdatedAt = now;
    }

    public void PickTaskCreated(string taskId, DateTimeOffset now)
    {
        PickTaskId = taskId;
        PickStatus ??= "open";
        PickCheckedAt = now;
        UpdatedAt = now;
    }

    public void PickChecked(string status, DateTimeOffset now)
    {
        PickCheckedAt = now;
        if (status != "picked" || PickStatus == "picked") return;
        PickStatus = "picked";
        UpdatedAt = now;
        AddDistributedEvent(new PickTaskPickedEto(Id, PickTaskId!));
    }

    public void ShipmentCreated(string provider, string trackingNumber, string waybill, DateTimeOffset now)
    {
        CourierProvider = provider;
        TrackingNumber = trackingNumber;
        Waybill = waybill;
        ShipmentStatus ??= "created";
        UpdatedAt = now;
    }

    /// <summary>The courier's news; the same status twice is news once.</summary>
    public bool ShipmentStatusReported(string provider, string status, DateTimeOffset now)
    {
        if (ShipmentStatus == status) return false;
        ShipmentStatus = status;
        UpdatedAt = now;
        AddDistributedEvent(new ShipmentStatusChangedEto(Id, provider, TrackingNumber ?? string.Empty, status));
        return true;
    }

    public void SaleDocumentsPosted(string key, string number, DateTimeOffset now)
    {
        SaleDocumentKey = key;
        SaleDocumentNumber = number;
        UpdatedAt = now;
    }
}

/// <summary>A partner's subscription to order events; the signing secret is stored encrypted.</summary>
public sealed class WebhookSubscription : AggregateRoot<Guid>
{
    public Guid PartnerId { get; private set; }
    public string Url { get; private set; } = string.Empty;
    public List<string> Events { get; private set; } = [];
    public string ProtectedSecret { get; private set; } = string.Empty;
    public bool IsActive { get; private set; } = true;
    public string? DisabledReason { get; private set; }
    public bool IsDeleted { get; private set; }
    public DateTimeOffset CreationTime { get; private set; }

    private WebhookSubscription() { }

    public WebhookSubscription(Guid id, Guid partnerId, string url, IEnumerable<string> events, string protectedSecret, DateTimeOffset now) : base(id)
    {
        PartnerId = partnerId;
        Url = url;
        Events = [.. events.Distinct(StringComparer.Ordinal)];
        ProtectedSecret = protectedSecret;
        CreationTime = now;
    }

    public bool Wants(string eventType) => IsActive && !IsDeleted && (Events.Contains(eventType) || Events.Contains("*"));

    public void Disable(string reason)
    {
        IsActive = false;
        DisabledReason = reason;
    }

    public void Delete()
    {
        IsDeleted = true;
        IsActive = false;
        DisabledReason = "deleted";
    }
}

/// <summary>One event for one subscription: sent until a 2xx, with backoff and jitter over more than 72 hours.</summary>
public sealed class WebhookDelivery : Entity<Guid>
{
    /// <summary>When the next attempt is due after each failure (± 20 % jitter): about 100 hours in all (80 at the shortest jitter), the last ones 12 h apart.</summary>
    public static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
        TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12),
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

    public WebhookDelivery(Guid id, WebhookSubscription subscription, string eventType, string eventKey, Guid? orderId, string payload, DateTimeOffset now) : base(id)
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

    /// <summary>A failed attempt: the next one after the backoff (or the receiver's Retry-After, when later); failed when the schedule is spent.</summary>
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

public sealed class WebhookAttempt : Entity<Guid>
{
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public long Milliseconds { get; private set; }

    private WebhookAttempt() { }

    public WebhookAttempt(Guid id, Guid deliveryId, int number, DateTimeOffset at, int? statusCode, string? error, long milliseconds) : base(id)
    {
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error is { Length: > 1000 } ? error[..1000] : error;
        Milliseconds = milliseconds;
    }
}
