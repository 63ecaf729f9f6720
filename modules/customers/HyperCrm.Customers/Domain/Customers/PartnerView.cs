using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

/// <summary>
/// What one partner told the CRM about a customer: the name, contacts and address it sent, its own notes and the consent
/// it collected. A partner reads and writes only its own view, never the customer's staff fields (notes, tags, owner,
/// consent history) nor what other partners sent, so matching an order to a known customer widens nothing.
/// </summary>
public sealed class PartnerView
{
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? AddressCountry { get; private set; }
    public string? AddressCity { get; private set; }
    public string? AddressLine1 { get; private set; }
    public string? AddressPostalCode { get; private set; }
    public Address Address => new(AddressCountry, AddressCity, AddressLine1, AddressPostalCode);
    public Guid? CompanyId { get; private set; }
    public string? Notes { get; private set; }
    public bool? MarketingConsent { get; private set; }
    public DateTimeOffset? ConsentChangedAt { get; private set; }
    public DateTimeOffset CreationTime { get; private set; }

    /// <summary>Changes with every write, so a partner's stale update can be refused.</summary>
    public string Stamp { get; private set; } = string.Empty;

    private PartnerView() { }

    internal PartnerView(Guid partnerId, string name, DateTimeOffset now)
    {
        PartnerId = partnerId;
        CreationTime = now;
        Rename(name);
        Touch();
    }

    public void Rename(string name)
    {
        var trimmed = Check.NotNullOrWhiteSpace(name, nameof(name), CustomerConsts.MaxNameLength).Trim();
        if (trimmed == Name) return;
        Name = trimmed;
        Touch();
    }

    /// <summary>The email and phone as the partner sent them (normalized); null leaves one as it is, "" clears it.</summary>
    public void SetContacts(string? email, string? phone)
    {
        var newEmail = email is null ? Email : email.Length == 0 ? null : email;
        var newPhone = phone is null ? Phone : phone.Length == 0 ? null : phone;
        // A repeat order with the same details writes nothing.
        if (newEmail == Email && newPhone == Phone) return;
        (Email, Phone) = (newEmail, newPhone);
        Touch();
    }

    public void SetAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        (AddressCountry, AddressCity, AddressLine1, AddressPostalCode) = (address.Country, address.City, address.Line1, address.PostalCode);
        Touch();
    }

    public void SetCompany(Guid? companyId)
    {
        CompanyId = companyId;
        Touch();
    }

    public void SetNotes(string? notes)
    {
        Notes = Check.Length(notes?.Trim(), CustomerConsts.MaxNotesLength);
        Touch();
    }

    public void SetMarketingConsent(bool granted, DateTimeOffset at)
    {
        if (MarketingConsent == granted) return;
        MarketingConsent = granted;
        ConsentChangedAt = at;
        Touch();
    }

    /// <summary>A copy for another customer (a merge moves the loser's views to the winner).</summary>
    internal PartnerView CopyForMerge() => (PartnerView)MemberwiseClone();

    private void Touch() => Stamp = Guid.NewGuid().ToString("N");
}
