using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

/// <summary>Rules about customers that need the repository: uniqueness of contacts, matching, merging.</summary>
public sealed class CustomerManager(ICustomerRepository customers)
{
    /// <summary>Creates a customer; an email or phone that already belongs to another customer is a 409 naming it.</summary>
    public async Task<Customer> CreateAsync(CustomerKind kind, string name, string? email, string? phone, Guid? partnerId,
        CancellationToken cancellationToken)
    {
        var normalizedEmail = ContactNormalizer.Email(email);
        var normalizedPhone = ContactNormalizer.Phone(phone);
        await EnsureContactsFreeAsync(null, normalizedEmail, normalizedPhone, cancellationToken);
        return new Customer(Guid.CreateVersion7(), kind, name, normalizedEmail, normalizedPhone, partnerId);
    }

    public async Task ChangeContactsAsync(Customer customer, string? email, string? phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var normalizedEmail = ContactNormalizer.Email(email);
        var normalizedPhone = ContactNormalizer.Phone(phone);
        await EnsureContactsFreeAsync(customer.Id, normalizedEmail, normalizedPhone, cancellationToken);
        customer.SetContacts(normalizedEmail, normalizedPhone);
    }

    /// <summary>Replaces the other emails and phones; one that belongs to another customer is a 409 naming it.</summary>
    public async Task ChangeOtherContactsAsync(Customer customer, IEnumerable<ContactPoint> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var list = contacts.ToList();
        foreach (var contact in list)
            await EnsureContactsFreeAsync(customer.Id, contact.Kind == ContactKind.Email ? contact.Value : null,
                contact.Kind == ContactKind.Phone ? contact.Value : null, cancellationToken);
        customer.SetOtherContacts(list);
    }

    /// <summary>
    /// Email first (the stronger identity). A phone alone matches only when the email is missing on either side: the same
    /// phone with two different emails is two people (a family, a shared office line) until staff merge them, so a new
    /// customer is made and flagged as a possible duplicate. The partner gets its own view of the customer either way.
    /// </summary>
    public async Task<CustomerMatch> MatchOrCreateAsync(CustomerKind kind, string name, string? email, string? phone, Guid? partnerId,
        CancellationToken cancellationToken)
    {
        var normalizedEmail = ContactNormalizer.Email(email);
        var normalizedPhone = ContactNormalizer.Phone(phone);
        if (normalizedEmail is null && normalizedPhone is null)
            throw new BusinessException("Customers:ContactRequired", "A customer needs an email or a phone to be matched.");
        var byEmail = normalizedEmail is null ? null : await customers.FindByEmailAsync(normalizedEmail, cancellationToken);
        var byPhone = byEmail is null && normalizedPhone is not null ? await customers.FindByPhoneAsync(normalizedPhone,
            cancellationToken) : null;
        var phoneMatches = byPhone is not null && (normalizedEmail is null || !byPhone.AllContacts().Any(c => c.Kind == ContactKind.Email));
        var match = byEmail ?? (phoneMatches ? byPhone : null);
        if (match is not null)
        {
            // A new email or phone the customer now uses is remembered, unless it belongs to someone else.
            if (normalizedEmail is not null && byEmail is null)
                match.AddContact(ContactPoint.Create(ContactKind.Email, normalizedEmail));
            if (normalizedPhone is not null && !match.HasContact(ContactKind.Phone,
                normalizedPhone) && await customers.FindByPhoneAsync(normalizedPhone, cancellationToken) is null)
                match.AddContact(ContactPoint.Create(ContactKind.Phone, normalizedPhone));
            return new CustomerMatch(match, Created: false, byEmail is not null ? "email" : "phone");
        }
        var created = new Customer(Guid.CreateVersion7(), kind, name, normalizedEmail, normalizedPhone, partnerId);
        if (byPhone is not null) created.FlagPossibleDuplicateOf(byPhone.Id);
        await customers.InsertAsync(created, cancellationToken: cancellationToken);
        return new CustomerMatch(created, Created: true, byPhone is not null ? "none (possible duplicate by phone)" : "none");
    }

    private async Task EnsureContactsFreeAsync(Guid? self, string? email, string? phone, CancellationToken cancellationToken)
    {
        if (email is not null && await customers.FindByEmailAsync(email, cancellationToken) is { } byEmail && byEmail.Id != self)
            throw Duplicate("email", byEmail.Id);
        if (phone is not null && await customers.FindByPhoneAsync(phone, cancellationToken) is { } byPhone && byPhone.Id != self)
            throw Duplicate("phone", byPhone.Id);
    }

    private static BusinessException Duplicate(string field, Guid existing) =>
        new("Customers:DuplicateContact", $"Another customer already has this {field}.",
            new Dictionary<string, object?> { ["field"] = field, ["existingCustomerId"] = existing });
}
