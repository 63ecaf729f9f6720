using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Sales.Orders;

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
