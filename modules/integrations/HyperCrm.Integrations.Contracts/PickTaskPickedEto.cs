using HyperCrm.Framework.Events;

namespace HyperCrm.Integrations;

/// <summary>The warehouse reported the order's pick task done (the WMS is polled).</summary>
[EventName("integrations.wms.picked")]
public sealed record PickTaskPickedEto(Guid OrderId, string TaskId);
