using HyperCrm.Framework.Events;

namespace HyperCrm.Integrations;

/// <summary>The payment gateway's late news about an order's card payment (its signed webhook): <c>authorized</c>,
/// <c>declined</c>…</summary>
[EventName("integrations.payment.status_changed")]
public sealed record PaymentStatusChangedEto(Guid OrderId, string PaymentId, string Status, string? Reason);
