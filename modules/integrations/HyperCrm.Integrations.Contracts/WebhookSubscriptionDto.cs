namespace HyperCrm.Integrations.Webhooks;

public sealed record WebhookSubscriptionDto(Guid Id, Guid PartnerId, string? PartnerName, string Url, IReadOnlyList<string> Events,
    bool IsActive, string? DisabledReason,
    DateTimeOffset CreationTime);
