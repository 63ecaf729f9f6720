using HyperCrm.Customers.Timeline;

namespace HyperCrm.Sales.Orders;

/// <summary>One step taken for an order: who (human, rule, bot, AI, job, partner), what, when, why.</summary>
public sealed record OrderStepDto(DateTimeOffset At, string What, OrderStatus? Status, ActorKind Actor, string? ActorName, string? Reason);
