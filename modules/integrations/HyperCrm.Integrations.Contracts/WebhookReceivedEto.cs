using HyperCrm.Framework.Events;

namespace HyperCrm.Integrations;

/// <summary>A signed webhook arrived at <c>/hooks/events/{source}</c>: a trigger for rules (its body as JSON text, at most 8,000
/// characters).</summary>
[EventName("integrations.webhook.received")]
public sealed record WebhookReceivedEto(string Source, string Type, string WebhookId, string Body);
