namespace HyperCrm.Integrations.Webhooks;

/// <summary>Returned once, at creation: the signing secret is never shown again.</summary>
public sealed record CreatedWebhookSubscriptionDto(WebhookSubscriptionDto Subscription, string Secret);
