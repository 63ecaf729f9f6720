using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Sales.Orders;

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
