namespace HyperCrm.Customers.Customers;

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
