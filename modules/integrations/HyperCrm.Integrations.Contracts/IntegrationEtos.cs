using HyperCrm.Framework.Events;

namespace HyperCrm.Integrations;

/// <summary>The warehouse reported the order's pick task done (the WMS is polled).</summary>
[EventName("integrations.wms.picked")]
public sealed record PickTaskPickedEto(Guid OrderId, string TaskId);

/// <summary>The courier reported a shipment status (its signed webhook): <c>delivered</c>, <c>returned</c>, <c>lost</c>…</summary>
[EventName("integrations.courier.status_changed")]
public sealed record ShipmentStatusChangedEto(Guid OrderId, string Provider, string TrackingNumber, string Status);

/// <summary>A signed webhook arrived at <c>/hooks/events/{source}</c>: a trigger for rules (its body as JSON text, at most 8,000 characters).</summary>
[EventName("integrations.webhook.received")]
public sealed record WebhookReceivedEto(string Source, string Type, string WebhookId, string Body);
