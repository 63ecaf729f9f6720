namespace HyperCrm.Sales.Orders;

public sealed record GetOrderListInput : HyperCrm.Framework.Application.PagedInput
{
    public OrderStatus? Status { get; init; }

    /// <summary>Order number, external id or customer name.</summary>
    public string? Filter { get; init; }

    public Guid? CustomerId { get; init; }
}
