using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>Holding or failing an order is explained: the reason goes on the order and the customer's timeline.</summary>
public sealed class OrderMoveNeedsAReasonRule(OrderMove move, string? reason) : IBusinessRule
{
    public string Code => "Sales:MoveNeedsReason";
    public string Message => $"Say why ({move}): the reason is shown on the order and the customer's timeline.";
    public object?[] Arguments => [move];
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
}
