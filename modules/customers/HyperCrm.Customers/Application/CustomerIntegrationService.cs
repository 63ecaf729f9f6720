using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Application;

public sealed class CustomerIntegrationService(CustomersDbContext db, CustomerManager manager, ICustomerRepository repository,
    TimelineWriter timeline, TimeProvider clock) : ICustomerIntegrationService
{
    private readonly Dictionary<Guid, CustomerSummaryDto?> _seen = [];

    public async Task<CustomerMatchDto> MatchOrCreateAsync(MatchCustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (customer, created, matchedBy) = await manager.MatchOrCreateAsync(CustomerKind.Person, input.Name, input.Email, input.Phone,
            input.PartnerId, cancellationToken);
        // The partner's view holds what it sent: the customer's own record is not the partner's to read or change.
        if (input.PartnerId is { } partnerId)
            customer.RecordPartnerContact(partnerId, input.Name, ContactNormalizer.Email(input.Email), ContactNormalizer.Phone(input.Phone),
                clock.GetUtcNow());
        if (created) timeline.Add(customer.Id, "customer.created",
            Message.Of("Customers:Timeline:CreatedFrom", ("source", input.Source)));
        await db.SaveChangesAsync(cancellationToken);
        _seen.Remove(customer.Id);
        return new CustomerMatchDto(customer.Id, created, matchedBy);
    }

    /// <summary>
    /// Read once per scope (a run's steps, an event batch's handlers ask for the same customer again and again); what this
    /// service changes, it reads afresh.
    /// </summary>
    public async Task<CustomerSummaryDto?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (_seen.TryGetValue(id, out var seen)) return seen;
        var found = await db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CustomerSummaryDto(c.Id, c.Name, c.Email, c.Phone, c.Tags) { OwnerId = c.OwnerId, Segment = c.Segment })
            .FirstOrDefaultAsync(cancellationToken);
        _seen[id] = found;
        return found;
    }

    public async Task<CustomerSummaryDto?> FindByContactAsync(string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var byEmail = ContactNormalizer.Email(email) is { } normalizedEmail ? await repository.FindByEmailAsync(normalizedEmail,
            cancellationToken) : null;
        var found = byEmail ?? (ContactNormalizer.Phone(phone) is { } normalizedPhone
            ? await repository.FindByPhoneAsync(normalizedPhone, cancellationToken) : null);
        return found is null ? null : await FindAsync(found.Id, cancellationToken);
    }

    public async Task<bool> SetSegmentAsync(Guid customerId, CustomerSegment segment, Message reason,
        CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, cancellationToken);
        if (customer is null || customer.Segment == segment) return false;
        customer.PlaceInSegment(segment, reason);
        // The reason says the segment and why ("VIP: spent 120,000 in the last 365 days…").
        timeline.Add(customer.Id, "customer.segment_changed", reason);
        await db.SaveChangesAsync(cancellationToken);
        _seen.Remove(customer.Id);
        return true;
    }

    public Task<bool> IsVisibleToPartnerAsync(Guid customerId, Guid partnerId, CancellationToken cancellationToken = default) =>
        db.Customers.AnyAsync(c => c.Id == customerId && c.MergedIntoId == null && c.PartnerViews.Any(v => v.PartnerId == partnerId),
            cancellationToken);
}
