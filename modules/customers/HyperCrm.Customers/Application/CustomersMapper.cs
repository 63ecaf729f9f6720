using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Application;

/// <summary>Customers and timeline entries as DTOs, mapped by hand: entries are worded for the reader.</summary>
public static class CustomersMapper
{
    /// <summary>An entry with its title and reason worded in the reader's language.</summary>
    public static TimelineEntryDto ToDto(this TimelineEntry e, MessageFormatter words) => new(
        e.Id, e.At, e.Module, e.Kind, words.Format(e.Title), e.Actor, e.ActorName, e.Reason is null ? null : words.Format(e.Reason),
        e.ReferenceId, e.ReferenceKind);

    public static CustomerDto ToDto(this Customer c, string? companyName, MessageFormatter? words = null) => new(
        c.Id, c.Kind, c.Name, c.Email, c.Phone, c.OtherContacts.Select(p => new ContactPointDto(p.Kind, p.Value,
            p.Label)).ToList(), c.CompanyId, companyName, c.Tags, c.OwnerId,
        c.Address.IsEmpty ? null : new AddressDto(c.Address.Country, c.Address.City, c.Address.Line1, c.Address.PostalCode),
        new ConsentDto(c.MarketingConsent, c.ConsentSource, c.ConsentChangedAt),
        c.Notes, c.MergedIntoId, c.CreationTime, c.ConcurrencyStamp)
    {
        PossibleDuplicateOfId = c.PossibleDuplicateOfId,
        Segment = c.Segment,
        SegmentReason = c.SegmentReason is { } why && words is not null ? words.Format(why) : null,
        PartnerViews = c.PartnerViews.Select(v => new PartnerViewDto(v.PartnerId, v.Name, v.Email, v.Phone, v.Notes, v.MarketingConsent,
            v.CreationTime)).ToList(),
    };

    public static PartnerCustomerDto ToPartnerDto(this Customer c, PartnerView v) => new(
        c.Id, c.Kind, v.Name, v.Email, v.Phone, v.CompanyId,
        v.Address.IsEmpty ? null : new AddressDto(v.Address.Country, v.Address.City, v.Address.Line1, v.Address.PostalCode),
        v.MarketingConsent, v.ConsentChangedAt, v.Notes, v.CreationTime, v.Stamp);

    /// <summary>An address as typed: blank parts become null, the country code upper case.</summary>
    public static Address ToAddress(this AddressDto a) =>
        new(Blank(a.Country)?.ToUpperInvariant(), Blank(a.City), Blank(a.Line1), Blank(a.PostalCode));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
