using System.ComponentModel.DataAnnotations;

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
