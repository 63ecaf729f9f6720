using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

public sealed class OnlyUnshippedOrdersCanBeCancelledRule(OrderStatus status) : IBusinessRule
{
    public string Code => "Sales:AlreadyShipped";
    public string Message => $"An order that is {status} can no longer be cancelled.";
    public object?[] Arguments => [status];
    public bool IsBroken() =>
        OrderStateMachine.HasShipped(status) || status is OrderStatus.Failed;
}
