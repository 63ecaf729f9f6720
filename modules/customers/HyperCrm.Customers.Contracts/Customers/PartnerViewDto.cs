namespace HyperCrm.Customers.Customers;

/// <summary>For staff: what one partner told about a customer.</summary>
public sealed record PartnerViewDto(Guid PartnerId, string Name, string? Email, string? Phone, string? Notes, bool? MarketingConsent,
    DateTimeOffset CreationTime);
