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

    /// <summary>New, repeat or VIP by the customer's orders (null until their first order was counted).</summary>
    public CustomerSegment? Segment { get; init; }

    /// <summary>Why the customer is in that segment, in words (e.g. "spent 120,000 in the last 365 days").</summary>
    public string? SegmentReason { get; init; }
}
