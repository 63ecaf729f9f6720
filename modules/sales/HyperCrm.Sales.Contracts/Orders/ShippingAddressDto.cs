using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Sales.Orders;

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
