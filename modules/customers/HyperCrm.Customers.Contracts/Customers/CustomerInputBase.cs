using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Customers.Customers;

public class CustomerInputBase
{
    [StringLength(CustomerConsts.MaxEmailLength, ErrorMessage = "Validation:StringLength")]
    [EmailAddress(ErrorMessage = "Validation:Email")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(CustomerConsts.MaxPhoneLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    /// <summary>Other emails and phones; null leaves them as they are, an empty list removes them.</summary>
    public List<ContactPointDto>? OtherContacts { get; set; }

    public Guid? CompanyId { get; set; }

    /// <summary>The staff member responsible for the customer; Guid.Empty clears it.</summary>
    public Guid? OwnerId { get; set; }

    public List<string>? Tags { get; set; }

    public AddressDto? Address { get; set; }

    [StringLength(CustomerConsts.MaxNotesLength, ErrorMessage = "Validation:StringLength")]
    public string? Notes { get; set; }

    public bool? MarketingConsent { get; set; }

    [StringLength(CustomerConsts.MaxConsentSourceLength, ErrorMessage = "Validation:StringLength")]
    public string? ConsentSource { get; set; }
}
