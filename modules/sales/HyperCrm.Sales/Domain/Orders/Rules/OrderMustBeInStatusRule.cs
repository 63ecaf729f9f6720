using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>A move that only makes sense from one status (releasing a hold) refuses any other.</summary>
public sealed class OrderMustBeInStatusRule(OrderMove move, OrderStatus actual, OrderStatus required) : IBusinessRule
{
    public string Code => "Sales:MoveNotAvailable";
    public string Message => $"{move} is only possible for an order that is {required}; this one is {actual}.";
    public object?[] Arguments => [move, required, actual];
    public bool IsBroken() => actual != required;
}
