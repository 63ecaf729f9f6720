using HyperCrm.Framework.Domain;

namespace HyperCrm.Integrations.Domain;

public sealed class WebhookAttempt : Entity<Guid>
{
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public long Milliseconds { get; private set; }

    private WebhookAttempt() { }

    public WebhookAttempt(Guid id, Guid deliveryId, int number, DateTimeOffset at, int? statusCode, string? error,
        long milliseconds) : base(id)
    {
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error is { Length: > 1000 } ? error[..1000] : error;
        Milliseconds = milliseconds;
    }
}
