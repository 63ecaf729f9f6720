using System.ComponentModel.DataAnnotations;
using HyperCrm.Framework.Application;

namespace HyperCrm.Customers.Customers;

public sealed record AddressDto(string? Country, string? City, string? Line1, string? PostalCode);

/// <summary>An email or phone besides the primary ones (work, home, a second mobile); matching looks at these too.</summary>
public sealed record ContactPointDto(ContactKind Kind, string Value, string? Label = null);

public sealed record ConsentDto(bool Granted, string? Source, DateTimeOffset? ChangedAt);

public sealed record CustomerDto(
    Guid Id,
    CustomerKind Kind,
    string Name,
    string? Email,
    string? Phone,
    IReadOnlyList<ContactPointDto> OtherContacts,
    Guid? CompanyId,
    string? CompanyName,
    IReadOnlyList<string> Tags,
    Guid? OwnerId,
    AddressDto? Address,
    ConsentDto MarketingConsent,
    string? Notes,
    Guid? MergedIntoId,
    DateTimeOffset CreationTime,
    string ConcurrencyStamp)
{
    /// <summary>Another customer with this phone but a different email: staff decide whether they are one person.</summary>
    public Guid? PossibleDuplicateOfId { get; init; }

    /// <summary>What each partner that brought this customer told about it.</summary>
    public IReadOnlyList<PartnerViewDto> PartnerViews { get; init; } = [];
}

/// <summary>One row of a customer list: enough to find the right person at a glance.</summary>
public sealed record CustomerListItemDto(Guid Id, CustomerKind Kind, string Name, string? Email, string? Phone, string? CompanyName, IReadOnlyList<string> Tags, DateTimeOffset CreationTime);

public sealed record GetCustomerListInput : PagedInput
{
    /// <summary>Matches name, email, phone (any format) or company name.</summary>
    public string? Filter { get; init; }

    public CustomerKind? Kind { get; init; }

    public string? Tag { get; init; }
}

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

public sealed class CreateCustomerDto : CustomerInputBase
{
    public CustomerKind Kind { get; set; } = CustomerKind.Person;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(CustomerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;
}

/// <summary>A partial update: only the fields that are set change. The stamp, when given, guards against lost updates.</summary>
public sealed class UpdateCustomerDto : CustomerInputBase
{
    [StringLength(CustomerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    public string? Name { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

/// <summary>A page of a cursor-paged API list.</summary>
public sealed record CursorPageDto<T>(IReadOnlyList<T> Items, string? NextCursor);
