using HyperCrm.Framework.Application;

namespace HyperCrm.Customers.Customers;

/// <summary>
/// Customers for staff and partners. Partner calls pass <c>partnerId</c>: a partner sees only customers linked to it
/// (created by it, or matched by its orders); anything else is "not found".
/// </summary>
public interface ICustomerAppService
{
    Task<PagedResultDto<CustomerListItemDto>> GetListAsync(GetCustomerListInput input, CancellationToken cancellationToken = default);

    Task<CursorPageDto<CustomerDto>> GetPageAsync(Guid? partnerId, string? filter, int limit, string? cursor, CancellationToken cancellationToken = default);

    Task<CustomerDto> GetAsync(Guid id, Guid? partnerId = null, CancellationToken cancellationToken = default);

    Task<CustomerDto> CreateAsync(CreateCustomerDto input, Guid? partnerId = null, CancellationToken cancellationToken = default);

    Task<CustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input, Guid? partnerId = null, CancellationToken cancellationToken = default);

    /// <summary>Moves the loser's contacts, tags and partner links to the winner; the loser then redirects to the winner.</summary>
    Task<CustomerDto> MergeAsync(Guid winnerId, Guid loserId, CancellationToken cancellationToken = default);

    Task WriteCsvAsync(GetCustomerListInput input, Stream output, CancellationToken cancellationToken = default);
}
