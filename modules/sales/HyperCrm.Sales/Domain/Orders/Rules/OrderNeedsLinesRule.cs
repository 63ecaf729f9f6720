using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

public sealed class OrderNeedsLinesRule(int lineCount) : IBusinessRule
{
    public string Code => "Sales:OrderNeedsLines";
    public string Message => $"An order needs 1 to {OrderConsts.MaxLines} lines.";
    public object?[] Arguments => [OrderConsts.MaxLines];
    public bool IsBroken() => lineCount is < 1 or > OrderConsts.MaxLines;
}
