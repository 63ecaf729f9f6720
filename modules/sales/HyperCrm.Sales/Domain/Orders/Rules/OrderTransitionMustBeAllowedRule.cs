using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

public sealed class OrderTransitionMustBeAllowedRule(OrderStatus from, OrderStatus to) : IBusinessRule
{
    public string Code => "Sales:TransitionNotAllowed";
    public string Message => $"An order cannot go from {from} to {to}.";
    public object?[] Arguments => [from, to];
    public bool IsBroken() => !OrderStateMachine.CanMove(from, to);
}
