using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Domain.Customers;

/// <summary>A person or a company the business sells to. Email and phone are kept normalized, so matching is exact.</summary>
public sealed class Customer : AuditedAggregateRoot<Guid>
{
    public CustomerKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public List<ContactPoint> OtherContacts { get; private set; } = [];
    public Guid? CompanyId { get; private set; }
    public List<string> Tags { get; private set; } = [];
    public Guid? OwnerId { get; private set; }

    /// <summary>New, repeat or VIP by the customer's orders; null until the first order was counted.</summary>
    public CustomerSegment? Segment { get; private set; }

    /// <summary>Why, as a message worded for the reader.</summary>
    public Message? SegmentReason { get; private set; }
    public Address Address { get; private set; } = Address.Empty;
    public bool MarketingConsent { get; private set; }
    public string? ConsentSource { get; private set; }
    public DateTimeOffset? ConsentChangedAt { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>What each partner that brought this customer told about it; a partner sees its own view and nothing else.</summary>
    public List<PartnerView> PartnerViews { get; private set; } = [];

    /// <summary>Set when matching found another customer with this phone but a different email: staff decide whether to merge.</summary>
    public Guid? PossibleDuplicateOfId { get; private set; }

    /// <summary>Set when merged into another customer; the record then only redirects.</summary>
    public Guid? MergedIntoId { get; private set; }

    private Customer() { }

    public Customer(Guid id, CustomerKind kind, string name, string? email, string? phone, Guid? partnerId)
        : base(id)
    {
        Kind = kind;
        Rename(name);
        Email = email;
        Phone = phone;
        AddDistributedEvent(new CustomerCreatedEto(id, Name, kind, partnerId));
    }

    public void Rename(string name) => Name = Check.NotNullOrWhiteSpace(name, nameof(name), CustomerConsts.MaxNameLength).Trim();

    /// <summary>Sets the primary email and phone (already normalized by <see cref="ContactNormalizer"/>).</summary>
    public void SetContacts(string? email, string? phone)
    {
        Email = email;
        Phone = phone;
        if (OtherContacts.Any(IsPrimary)) OtherContacts = OtherContacts.Where(c => !IsPrimary(c)).ToList();
    }

    /// <summary>Replaces the other emails and phones; the primary ones and repeats are dropped.</summary>
    public void SetOtherContacts(IEnumerable<ContactPoint> contacts)
    {
        var kept = new List<ContactPoint>();
        foreach (var contact in contacts)
        {
            if (IsPrimary(contact) || kept.Any(k => k.Is(contact.Kind, contact.Value))) continue;
            kept.Add(contact);
        }
        CheckRule(new OtherContactsAreFewRule(kept.Count));
        OtherContacts = kept;
    }

    /// <summary>Adds an email or phone unless the customer already has it; true when it was added.</summary>
    public bool AddContact(ContactPoint contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (HasContact(contact.Kind, contact.Value)) return false;
        if (contact.Kind == ContactKind.Email && Email is null) Email = contact.Value;
        else if (contact.Kind == ContactKind.Phone && Phone is null) Phone = contact.Value;
        else if (OtherContacts.Count < CustomerConsts.MaxOtherContacts) OtherContacts = [.. OtherContacts, contact];
        else return false;
        return true;
    }

    public bool HasContact(ContactKind kind, string value) => IsPrimary(kind, value) || OtherContacts.Any(c => c.Is(kind, value));

    /// <summary>Every email and phone, primary first.</summary>
    public IEnumerable<ContactPoint> AllContacts()
    {
        if (Email is not null) yield return ContactPoint.Create(ContactKind.Email, Email);
        if (Phone is not null) yield return ContactPoint.Create(ContactKind.Phone, Phone);
        foreach (var contact in OtherContacts) yield return contact;
    }

    private bool IsPrimary(ContactPoint contact) => IsPrimary(contact.Kind, contact.Value);

    private bool IsPrimary(ContactKind kind, string value) => kind == ContactKind.Email ? Email == value : Phone == value;

    public void SetCompany(Customer? company)
    {
        CheckRule(new OnlyPeopleBelongToCompaniesRule(this, company));
        CompanyId = company?.Id;
    }

    public void ChangeKind(CustomerKind kind)
    {
        if (kind == CustomerKind.Company && CompanyId is not null)
            throw new BusinessException("Customers:CompanyMustBeACompany", "A person who belongs to a company cannot become a company.");
        Kind = kind;
    }

    public void SetTags(IEnumerable<string> tags)
    {
        var cleaned = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)
            .ToList();
        CheckRule(new TagsMustBeShortAndFewRule(cleaned));
        Tags = cleaned;
    }

    public void SetAddress(Address address) => Address = address;

    public void SetNotes(string? notes) => Notes = Check.Length(notes?.Trim(), CustomerConsts.MaxNotesLength);

    public void AssignOwner(Guid? ownerId) => OwnerId = ownerId;

    /// <summary>Moves the customer to a segment (the reason is kept either way); false when the segment is unchanged.</summary>
    public bool PlaceInSegment(CustomerSegment segment, Message reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var moved = Segment != segment;
        (Segment, SegmentReason) = (segment, reason);
        return moved;
    }

    /// <summary>Records marketing consent with where it came from and when (GDPR/152-FZ need both).</summary>
    public void SetMarketingConsent(bool granted, string? source, DateTimeOffset at)
    {
        if (granted == MarketingConsent && ConsentChangedAt is not null) return;
        MarketingConsent = granted;
        ConsentSource = Check.Length(source?.Trim(), CustomerConsts.MaxConsentSourceLength);
        ConsentChangedAt = at;
    }

    /// <summary>
    /// What a partner just sent about this customer (an order's or its own record's name and contacts, normalized):
    /// kept in the partner's own view, made on its first contact. A null contact leaves the view's as it is.
    /// </summary>
    public PartnerView RecordPartnerContact(Guid partnerId, string name, string? email, string? phone, DateTimeOffset now)
    {
        var view = ViewOf(partnerId);
        if (view is null)
        {
            view = new PartnerView(partnerId, name, now);
            PartnerViews = [.. PartnerViews, view];
        }
        else
        {
            view.Rename(name);
        }
        view.SetContacts(email, phone);
        return view;
    }

    /// <summary>The partner's own view; null when the customer never came through that partner (to it, the customer does not
    /// exist).</summary>
    public PartnerView? ViewOf(Guid partnerId) => PartnerViews.FirstOrDefault(v => v.PartnerId == partnerId);

    public void FlagPossibleDuplicateOf(Guid otherId) => PossibleDuplicateOfId = otherId == Id ? null : otherId;

    /// <summary>Takes over the loser's tags, partner links, emails and phones, and fills what this customer lacks.</summary>
    public void Absorb(Customer loser)
    {
        ArgumentNullException.ThrowIfNull(loser);
        CheckRule(new MergeNeedsTwoActiveCustomersRule(this, loser));
        SetTags(Tags.Concat(loser.Tags).Take(CustomerConsts.MaxTags));
        foreach (var view in loser.PartnerViews.Where(v => ViewOf(v.PartnerId) is null).ToList()) PartnerViews = [.. PartnerViews,
            view.CopyForMerge()];
        loser.PartnerViews = [];
        if (PossibleDuplicateOfId == loser.Id) PossibleDuplicateOfId = null;
        var contacts = loser.AllContacts().ToList();
        loser.Email = null;
        loser.Phone = null;
        loser.OtherContacts = [];
        foreach (var contact in contacts) AddContact(contact);
        CompanyId ??= loser.CompanyId;
        OwnerId ??= loser.OwnerId;
        if (Address.IsEmpty) Address = loser.Address;
        if (!string.IsNullOrEmpty(loser.Notes))
        {
            var combined = string.IsNullOrEmpty(Notes) ? loser.Notes : Notes + "\n" + loser.Notes;
            SetNotes(combined.Length > CustomerConsts.MaxNotesLength ? combined[..CustomerConsts.MaxNotesLength] : combined);
        }
        loser.MergedIntoId = Id;
        AddDistributedEvent(new CustomersMergedEto(Id, loser.Id));
    }
}
