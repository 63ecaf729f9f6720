namespace HyperCrm.Sales.Orders;

/// <summary>A person's move on an order, with what the move needs (a reason to hold or fail, a tracking number to ship).</summary>
public sealed record OrderMoveInput(OrderMove Move, string? Reason = null, string? TrackingNumber = null);
