using System.ComponentModel.DataAnnotations;
using HyperCrm.Framework.Application;

namespace HyperCrm.Customers.Customers;

/// <summary>A partial update: only the fields that are set change. The stamp, when given, guards against lost updates.</summary>
public sealed class UpdateCustomerDto : CustomerInputBase
{
    [StringLength(CustomerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    [NotBlank]
    public string? Name { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
