using System.ComponentModel.DataAnnotations;
using HyperCrm.Customers.Timeline;

namespace HyperCrm.Sales.Orders;

public sealed class OrderCustomerDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string Name { get; set; } = string.Empty;

    [StringLength(256, ErrorMessage = "Validation:StringLength")]
    [EmailAddress(ErrorMessage = "Validation:Email")]
    public string? Email { get; set; }

    [StringLength(32, ErrorMessage = "Validation:StringLength")]
    public string? Phone { get; set; }
}

public sealed class ShippingAddressDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Validation:Country")]
    public string Country { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string City { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string Line1 { get; set; } = string.Empty;

    [StringLength(20, ErrorMessage = "Validation:StringLength")]
    public string? PostalCode { get; set; }
}

public sealed class OrderLineInputDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(OrderConsts.MaxSkuLength, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string Sku { get; set; } = string.Empty;

    [Range(1, OrderConsts.MaxQuantity, ErrorMessage = "Validation:Range")]
    public int Quantity { get; set; }

    [Range(0, OrderConsts.MaxUnitPrice, ErrorMessage = "Validation:Range")]
    public decimal UnitPrice { get; set; }
}

/// <summary>The order body of POST /api/v1/orders and of the shop webhook.</summary>
public sealed class CreateOrderDto
{
    [StringLength(OrderConsts.MaxExternalIdLength, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string? ExternalId { get; set; }

    [Required(ErrorMessage = "Validation:Required")]
    [RegularExpression(OrderConsts.CurrencyPattern, ErrorMessage = "Validation:Currency")]
    public string Currency { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    public OrderCustomerDto Customer { get; set; } = null!;

    [Required(ErrorMessage = "Validation:Required")]
    public ShippingAddressDto ShippingAddress { get; set; } = null!;

    public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Card;

    [Required(ErrorMessage = "Validation:Required")]
    [MinLength(1, ErrorMessage = "Validation:Lines")]
    [MaxLength(OrderConsts.MaxLines, ErrorMessage = "Validation:Lines")]
    public List<OrderLineInputDto> Lines { get; set; } = [];
}

public sealed record OrderLineDto(string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record OrderDto(
    Guid Id,
    long Number,
    string? ExternalId,
    OrderStatus Status,
    Guid CustomerId,
    string CustomerName,
    string Currency,
    decimal Total,
    PaymentMethod PaymentMethod,
    ShippingAddressDto ShippingAddress,
    IReadOnlyList<OrderLineDto> Lines,
    string? TrackingNumber,
    string? Segment,
    decimal? RiskScore,
    IReadOnlyList<string> RiskReasons,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastModificationTime);

/// <summary>One step taken for an order: who (human, rule, bot, AI, job, partner), what, when, why.</summary>
public sealed record OrderStepDto(DateTimeOffset At, string What, OrderStatus? Status, ActorKind Actor, string? ActorName, string? Reason);

public sealed record OrderListItemDto(Guid Id, long Number, string? ExternalId, OrderStatus Status, string CustomerName, string Currency, decimal Total, DateTimeOffset CreationTime);

public sealed record OrderCursorPageDto(IReadOnlyList<OrderDto> Items, string? NextCursor);

public sealed record GetOrderListInput : HyperCrm.Framework.Application.PagedInput
{
    public OrderStatus? Status { get; init; }

    /// <summary>Order number, external id or customer name.</summary>
    public string? Filter { get; init; }

    public Guid? CustomerId { get; init; }
}

public sealed record CancelOrderDto(string? Reason);
