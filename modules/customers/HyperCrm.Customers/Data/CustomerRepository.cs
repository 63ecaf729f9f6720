using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Data;

public sealed class CustomerRepository(CustomersDbContext db) : EfRepository<CustomersDbContext, Customer, Guid>(db), ICustomerRepository
{
    public Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        Set.Where(c => c.Email == normalizedEmail && c.MergedIntoId == null).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<Customer?> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken = default) =>
        Set.Where(c => c.Phone == e164Phone && c.MergedIntoId == null).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
