using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Customers.Timeline;
using Riok.Mapperly.Abstractions;

namespace HyperCrm.Customers.Application;

[Mapper]
public static partial class CustomersMapper
{
    [MapperIgnoreSource(nameof(TimelineEntry.CustomerId))]
    public static partial TimelineEntryDto ToDto(this TimelineEntry entry);

    public static CustomerDto ToDto(this Customer c, string? companyName) => new(
        c.Id, c.Kind, c.Name, c.Email, c.Phone, c.OtherContacts.Select(p => new ContactPointDto(p.Kind, p.Value, p.Label)).ToList(), c.CompanyId, companyName, c.Tags, c.OwnerId,
        c.Address.IsEmpty ? null : new AddressDto(c.Address.Country, c.Address.City, c.Address.Line1, c.Address.PostalCode),
        new ConsentDto(c.MarketingConsent, c.ConsentSource, c.ConsentChangedAt),
        c.Notes, c.MergedIntoId, c.CreationTime, c.ConcurrencyStamp);
}
