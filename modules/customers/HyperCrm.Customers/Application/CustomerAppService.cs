using System.Globalization;
using CsvHelper;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Application;

public sealed class CustomerAppService(
    CustomersDbContext db,
    ICustomerRepository customers,
    CustomerManager manager,
    TimelineWriter timeline,
    MessageFormatter words,
    TimeProvider clock) : ICustomerAppService
{
    public async Task<PagedResultDto<CustomerListItemDto>> GetListAsync(GetCustomerListInput input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = await FilteredAsync(input, cancellationToken);
        var total = await query.Take(PagedInput.CountCap + 1).LongCountAsync(cancellationToken);
        var items = await ListItems(query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(input.Skip).Take(input.Take))
            .ToListAsync(cancellationToken);
        return new PagedResultDto<CustomerListItemDto>(total, items) { TotalIsLowerBound = total > PagedInput.CountCap };
    }

    public async Task<CustomerDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var customer = await FindAsync(id, tracking: false, cancellationToken);
        return customer.ToDto(await CompanyNameAsync(customer.CompanyId, cancellationToken), words);
    }

    public async Task<CustomerDto> CreateAsync(CreateCustomerDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var customer = await manager.CreateAsync(input.Kind, input.Name, input.Email, input.Phone, null, cancellationToken);
        if (input.OtherContacts is { Count: > 0 } others)
            await manager.ChangeOtherContactsAsync(customer, others.Select(c => ContactPoint.Create(c.Kind, c.Value, c.Label)),
                cancellationToken);
        await ApplyAsync(customer, input, cancellationToken);
        await customers.InsertAsync(customer, cancellationToken: cancellationToken);
        timeline.Add(customer.Id, "customer.created", Message.Of("Customers:Timeline:Created", ("name", customer.Name)));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(customer.Id, cancellationToken);
    }

    public async Task<CustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var customer = await FindAsync(id, tracking: true, cancellationToken);
        if (customer.MergedIntoId is not null)
            throw new BusinessException("Customers:Merged", "This customer was merged into another; update that one instead.",
                new Dictionary<string, object?> { ["mergedIntoId"] = customer.MergedIntoId });
        if (input.ConcurrencyStamp is { Length: > 0 } stamp)
            db.Entry(customer).Property(c => c.ConcurrencyStamp).OriginalValue = stamp;

        var changed = new List<string>();
        if (input.Name is not null && input.Name.Trim() != customer.Name)
        {
            customer.Rename(input.Name);
            changed.Add("name");
        }
        if (input.Email is not null || input.Phone is not null)
        {
            var email = input.Email is null ? customer.Email : (input.Email.Length == 0 ? null : input.Email);
            var phone = input.Phone is null ? customer.Phone : (input.Phone.Length == 0 ? null : input.Phone);
            await manager.ChangeContactsAsync(customer, email, phone, cancellationToken);
            changed.Add("contacts");
        }
        if (input.OtherContacts is not null)
        {
            await manager.ChangeOtherContactsAsync(customer, input.OtherContacts.Select(c => ContactPoint.Create(c.Kind, c.Value, c.Label)),
                cancellationToken);
            changed.Add("other_contacts");
        }
        changed.AddRange(await ApplyAsync(customer, input, cancellationToken));
        if (changed.Count > 0)
        {
            timeline.Add(customer.Id, "customer.updated",
                Message.Of("Customers:Timeline:Updated", ("fields", string.Join(',', changed))));
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CustomerDto> MergeAsync(Guid winnerId, Guid loserId, CancellationToken cancellationToken = default)
    {
        var winner = await customers.GetAsync(winnerId, cancellationToken);
        var loser = await customers.GetAsync(loserId, cancellationToken);
        winner.Absorb(loser);
        await db.Timeline.Where(e => e.CustomerId == loserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, winnerId), cancellationToken);
        timeline.Add(winnerId, "customer.merged", Message.Of("Customers:Timeline:Merged", ("name", loser.Name)));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(winnerId, cancellationToken);
    }

    public async Task WriteCsvAsync(GetCustomerListInput input, Stream output, CultureInfo culture,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(culture);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            leaveOpen: true);
        await using var csv = CsvWriter.Create(writer,
            new CsvWriterOptions { Separator = culture.TextInfo.ListSeparator is [var separator] ? separator : ',' }, false);
        await csv.WriteRecordAsync(["id", "kind", "name", "email", "phone", "company", "tags", "created (UTC)"], cancellationToken);
        var filtered = await FilteredAsync(input, cancellationToken);
        await foreach (var row in ListItems(filtered.OrderBy(c => c.Name).ThenBy(c => c.Id)).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                row.Id.ToString(), row.Kind.ToString().ToLowerInvariant(), SafeCell(row.Name), SafeCell(row.Email), row.Phone
                    ?? string.Empty,
                SafeCell(row.CompanyName), SafeCell(string.Join(';', row.Tags)), row.CreationTime.UtcDateTime.ToString("g", culture),
            ], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The list filter. Other emails and phones are looked up first (an exact, indexed match) and joined in as ids,
    /// so the main query stays one bitmap scan over the customers table.
    /// </summary>
    private async Task<IQueryable<Customer>> FilteredAsync(GetCustomerListInput input, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (input.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (input.Segment is { } segment) query = query.Where(c => c.Segment == segment);
        if (!string.IsNullOrWhiteSpace(input.Tag)) query = query.Where(c => c.Tags.Contains(input.Tag.Trim().ToLowerInvariant()));
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            var text = input.Filter.Trim();
            var pattern = LikePattern.Contains(text);
            var phone = ContactNormalizer.TryPhone(text);
            // Only an email-like or phone-like filter can match another contact; the usual name search skips that lookup.
            var others = phone is not null || text.Contains('@', StringComparison.Ordinal)
                ? await OtherContactOwnersAsync(phone is null ? ContactKind.Email : ContactKind.Phone, phone ?? text.ToLowerInvariant(),
                    cancellationToken)
                : [];
            query = (phone, others.Count) switch
            {
                (null, 0) => query.Where(c => EF.Functions.ILike(c.Name, pattern,
                    LikePattern.EscapeCharacter) || EF.Functions.ILike(c.Email!, pattern, LikePattern.EscapeCharacter)),
                (null, _) => query.Where(c => EF.Functions.ILike(c.Name, pattern,
                    LikePattern.EscapeCharacter) || EF.Functions.ILike(c.Email!, pattern, LikePattern.EscapeCharacter)
                        || others.Contains(c.Id)),
                (_, 0) => query.Where(c => c.Phone == phone || EF.Functions.ILike(c.Name, pattern, LikePattern.EscapeCharacter)),
                _ => query.Where(c => c.Phone == phone || EF.Functions.ILike(c.Name, pattern,
                    LikePattern.EscapeCharacter) || others.Contains(c.Id)),
            };
        }
        return query;
    }

    private Task<List<Guid>> OtherContactOwnersAsync(ContactKind kind, string value, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null)
            .SelectMany(c => c.OtherContacts.Where(p => p.Kind == kind && p.Value == value), (c, _) => c.Id)
            .Take(50).ToListAsync(cancellationToken);

    private IQueryable<CustomerListItemDto> ListItems(IQueryable<Customer> query) =>
        from c in query
        join company in db.Customers on c.CompanyId equals company.Id into companies
        from company in companies.DefaultIfEmpty()
        select new CustomerListItemDto(c.Id, c.Kind, c.Name, c.Email, c.Phone, company != null ? company.Name : null, c.Tags,
            c.CreationTime, c.Segment);

    private async Task<Customer> FindAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Customers : db.Customers.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException(typeof(Customer),
            id);
    }

    private async Task<List<string>> ApplyAsync(Customer customer, CustomerInputBase input, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        if (input.CompanyId is { } companyId)
        {
            var company = companyId == Guid.Empty ? null : await FindAsync(companyId, tracking: false, cancellationToken);
            customer.SetCompany(company);
            changed.Add("company");
        }
        if (input.OwnerId is { } ownerId)
        {
            customer.AssignOwner(ownerId == Guid.Empty ? null : ownerId);
            changed.Add("owner");
        }
        if (input.Tags is not null)
        {
            customer.SetTags(input.Tags);
            changed.Add("tags");
        }
        if (input.Address is { } a)
        {
            customer.SetAddress(a.ToAddress());
            changed.Add("address");
        }
        if (input.Notes is not null)
        {
            customer.SetNotes(Blank(input.Notes));
            changed.Add("notes");
        }
        if (input.MarketingConsent is { } consent)
        {
            customer.SetMarketingConsent(consent, input.ConsentSource ?? "staff", clock.GetUtcNow());
            changed.Add("consent");
        }
        return changed;
    }

    /// <summary>Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps them text (CSV injection).</summary>
    private static string SafeCell(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value ?? string.Empty;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<string?> CompanyNameAsync(Guid? companyId, CancellationToken cancellationToken) =>
        companyId is null ? null : await db.Customers.Where(c => c.Id == companyId).Select(c => c.Name)
            .FirstOrDefaultAsync(cancellationToken);
}
