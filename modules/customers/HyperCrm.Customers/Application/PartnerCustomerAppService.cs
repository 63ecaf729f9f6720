using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Application;

/// <summary>
/// The partner API's customers, served from each partner's own view. A partner's create matches the customer like an
/// order does (so the answer never tells whether someone else knew the email) and records the partner's view; the
/// customer's own record takes the partner's data only when the partner's request made it.
/// </summary>
public sealed class PartnerCustomerAppService(
    CustomersDbContext db,
    CustomerManager manager,
    TimelineWriter timeline,
    TimeProvider clock) : IPartnerCustomerAppService
{
    public async Task<CursorPageDto<PartnerCustomerDto>> GetPageAsync(Guid partnerId, string? filter, int limit, string? cursor,
        CancellationToken cancellationToken = default)
    {
        var query = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && c.PartnerViews.Any(v => v.PartnerId == partnerId));
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var text = filter.Trim();
            var pattern = LikePattern.Contains(text);
            var phone = ContactNormalizer.TryPhone(text);
            query = query.Where(c => c.PartnerViews.Any(v => v.PartnerId == partnerId
                && (EF.Functions.ILike(v.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(v.Email!, pattern,
                    LikePattern.EscapeCharacter) || (phone != null && v.Phone == phone))));
        }
        var (page, next) = await query.ToKeysetPageAsync(cursor, limit, cancellationToken);
        return new CursorPageDto<PartnerCustomerDto>(page.Select(c => c.ToPartnerDto(c.ViewOf(partnerId)!)).ToList(), next);
    }

    public async Task<PartnerCustomerDto> GetAsync(Guid id, Guid partnerId, CancellationToken cancellationToken = default)
    {
        var (customer, view) = await FindViewAsync(id, partnerId, tracking: false, cancellationToken);
        return customer.ToPartnerDto(view);
    }

    public async Task<PartnerCustomerDto> CreateAsync(CreateCustomerDto input, Guid partnerId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RefuseStaffFields(input);
        var now = clock.GetUtcNow();
        Customer customer;
        bool created;
        if (input.Email is null && input.Phone is null)
        {
            customer = new Customer(Guid.CreateVersion7(), input.Kind, input.Name, null, null, partnerId);
            db.Customers.Add(customer);
            created = true;
        }
        else
        {
            (customer, created, _) = await manager.MatchOrCreateAsync(input.Kind, input.Name, input.Email, input.Phone, partnerId,
                cancellationToken);
            // The partner already has this customer: a conflict naming what it can already see, nothing else.
            if (!created && customer.ViewOf(partnerId) is not null)
                throw new BusinessException("Customers:DuplicateContact", "You already have a customer with this email or phone.",
                    new Dictionary<string, object?> { ["existingCustomerId"] = customer.Id });
        }
        var view = customer.RecordPartnerContact(partnerId, input.Name, ContactNormalizer.Email(input.Email),
            ContactNormalizer.Phone(input.Phone), now);
        await ApplyAsync(view, input, partnerId, cancellationToken);
        if (created)
        {
            // The partner made this customer: the CRM's record starts from what the partner sent.
            if (input.Address is { } address) customer.SetAddress(address.ToAddress());
            if (input.MarketingConsent is { } consent) customer.SetMarketingConsent(consent, "partner-api", now);
            timeline.Add(customer.Id, "customer.created", Message.Of("Customers:Timeline:CreatedByPartner", ("name", customer.Name)));
        }
        await db.SaveChangesAsync(cancellationToken);
        return customer.ToPartnerDto(view);
    }

    public async Task<PartnerCustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input, Guid partnerId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RefuseStaffFields(input);
        var (customer, view) = await FindViewAsync(id, partnerId, tracking: true, cancellationToken);
        if (input.ConcurrencyStamp is { Length: > 0 } stamp && stamp != view.Stamp)
            throw new BusinessException("Common:ConcurrencyConflict", "The record was changed by someone else; reload it and try again.");
        if (input.Name is not null) view.Rename(input.Name);
        if (input.Email is not null || input.Phone is not null)
            view.SetContacts(input.Email is null ? null : ContactNormalizer.Email(input.Email) ?? string.Empty,
                input.Phone is null ? null : ContactNormalizer.Phone(input.Phone) ?? string.Empty);
        await ApplyAsync(view, input, partnerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return customer.ToPartnerDto(view);
    }

    /// <summary>Staff's fields are not a partner's to set: each one sent is named in a 422.</summary>
    private static void RefuseStaffFields(CustomerInputBase input)
    {
        var refused = new Dictionary<string, string[]>();
        if (input.OwnerId is not null) refused["ownerId"] = ["The owner is assigned by staff; a partner cannot set it."];
        if (input.Tags is not null) refused["tags"] = ["Tags are kept by staff; a partner cannot set them."];
        if (input.ConsentSource is not null) refused["consentSource"] =
            ["The consent source is recorded by the CRM; send marketingConsent alone."];
        if (input.OtherContacts is not null) refused["otherContacts"] = ["Other contacts are kept by staff; send email and phone."];
        if (refused.Count > 0)
            throw BusinessException.ForFields("Customers:StaffFieldsRefused",
                "Some fields are kept by staff and cannot be set through the partner API.", refused);
    }

    private async Task ApplyAsync(PartnerView view, CustomerInputBase input, Guid partnerId, CancellationToken cancellationToken)
    {
        if (input.CompanyId is { } companyId)
        {
            // A partner may link only a company it can see itself.
            if (companyId != Guid.Empty && !await db.Customers.AnyAsync(c => c.Id == companyId && c.Kind == CustomerKind.Company
                    && c.MergedIntoId == null && c.PartnerViews.Any(v => v.PartnerId == partnerId), cancellationToken))
                throw BusinessException.ForField("Customers:CompanyNotFound", "companyId", "No company with this id among your customers.");
            view.SetCompany(companyId == Guid.Empty ? null : companyId);
        }
        if (input.Address is { } address) view.SetAddress(address.ToAddress());
        if (input.Notes is not null) view.SetNotes(string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes);
        if (input.MarketingConsent is { } consent) view.SetMarketingConsent(consent, clock.GetUtcNow());
    }

    /// <summary>The partner's view of a customer; a customer it has no view of is 404, never 403, so ids do not leak.</summary>
    private async Task<(Customer Customer, PartnerView View)> FindViewAsync(Guid id, Guid partnerId, bool tracking,
        CancellationToken cancellationToken)
    {
        var query = tracking ? db.Customers : db.Customers.AsNoTracking();
        var customer = await query.FirstOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, cancellationToken);
        if (customer?.ViewOf(partnerId) is not { } view) throw new EntityNotFoundException(typeof(Customer), id);
        return (customer, view);
    }
}
