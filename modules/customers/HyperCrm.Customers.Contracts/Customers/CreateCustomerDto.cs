using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Customers.Customers;

public sealed class CreateCustomerDto : CustomerInputBase
{
    public CustomerKind Kind { get; set; } = CustomerKind.Person;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(CustomerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;
}
