namespace HyperCrm.Customers.Customers;

/// <summary>
/// A customer as one partner sees it: what that partner itself sent (name, contacts, address, its own notes, the consent
/// it collected). Staff fields (tags, owner, staff notes, consent history) and other partners' data are never in it.
/// </summary>
public sealed record PartnerCustomerDto(
    Guid Id,
    CustomerKind Kind,
    string Name,
    string? Email,
    string? Phone,
    Guid? CompanyId,
    AddressDto? Address,
    bool? MarketingConsent,
    DateTimeOffset? ConsentChangedAt,
    string? Notes,
    DateTimeOffset CreationTime,
    string ConcurrencyStamp);
