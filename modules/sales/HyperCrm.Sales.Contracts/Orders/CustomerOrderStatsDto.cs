namespace HyperCrm.Sales.Orders;

/// <summary>
/// A customer's orders as a segmenter sees them (cancelled, failed and returned orders do not count): how many in all, how
/// many and how much since a date, and when the latest was placed.
/// </summary>
public sealed record CustomerOrderStatsDto(Guid CustomerId, int Orders, int OrdersSince, decimal SpentSince, DateTimeOffset? LastOrderAt);
