using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

public interface ICustomerRepository : IRepository<Customer, Guid>
{
    Task<Customer?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default);

    Task<Customer?> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken = default);
}
