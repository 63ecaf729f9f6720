using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Data;

public sealed class CustomerRepository(CustomersDbContext db) : EfRepository<CustomersDbContext, Customer, Guid>(db), ICustomerRepository
{
    public async Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        await Set.Where(c => c.Email == normalizedEmail && c.MergedIntoId == null).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await FindByOtherContactAsync(ContactKind.Email, normalizedEmail, cancellationToken);

    public async Task<Customer?> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken = default) =>
        await Set.Where(c => c.Phone == e164Phone && c.MergedIntoId == null).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken)
        ?? await FindByOtherContactAsync(ContactKind.Phone, e164Phone, cancellationToken);

    // Two queries rather than one OR: each side is a plain index lookup.
    private Task<Customer?> FindByOtherContactAsync(ContactKind kind, string value, CancellationToken cancellationToken) =>
        Set.Where(c => c.MergedIntoId == null && c.OtherContacts.Any(p => p.Kind == kind && p.Value == value)).OrderBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
