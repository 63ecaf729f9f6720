using HyperCrm.Framework.Domain;

namespace HyperCrm.Integrations.Domain;

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

    public WebhookSubscription(Guid id, Guid partnerId, string url, IEnumerable<string> events, string protectedSecret,
        DateTimeOffset now) : base(id)
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
