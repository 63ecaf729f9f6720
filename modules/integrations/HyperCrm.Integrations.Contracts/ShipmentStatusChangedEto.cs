using HyperCrm.Framework.Events;

namespace HyperCrm.Integrations;

/// <summary>The courier reported a shipment status (its signed webhook): <c>delivered</c>, <c>returned</c>, <c>lost</c>…</summary>
[EventName("integrations.courier.status_changed")]
public sealed record ShipmentStatusChangedEto(Guid OrderId, string Provider, string TrackingNumber, string Status);
