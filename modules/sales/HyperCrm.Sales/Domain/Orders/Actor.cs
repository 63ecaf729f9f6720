using HyperCrm.Customers.Timeline;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>Who acts on an order.</summary>
public sealed record Actor(ActorKind Kind, string? Name);
