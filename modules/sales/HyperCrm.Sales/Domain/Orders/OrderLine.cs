using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Domain.Orders;

public sealed class OrderLine
{
    public string Sku { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal LineTotal { get; private set; }

    private OrderLine() { }

    public OrderLine(string sku, string name, int quantity, decimal unitPrice)
    {
        Sku = Check.NotNullOrWhiteSpace(sku, nameof(sku), OrderConsts.MaxSkuLength);
        Name = name;
        Quantity = quantity is > 0 and <= OrderConsts.MaxQuantity ? quantity : throw new BusinessException("Sales:InvalidQuantity",
            "A quantity must be 1 to 10000.");
        UnitPrice = unitPrice >= 0 ? unitPrice : throw new BusinessException("Sales:NegativePrice", "A price cannot be negative.");
        LineTotal = decimal.Round(quantity * unitPrice, 2, MidpointRounding.ToEven);
    }
}
