using HyperCrm.Framework.Application;

namespace HyperCrm.Customers.Customers;

/// <summary>Customers for staff, who see every customer and every field; partners go through <see
/// cref="IPartnerCustomerAppService"/>.</summary>
public interface ICustomerAppService
{
    Task<PagedResultDto<CustomerListItemDto>> GetListAsync(GetCustomerListInput input, CancellationToken cancellationToken = default);

    Task<CustomerDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<CustomerDto> CreateAsync(CreateCustomerDto input, CancellationToken cancellationToken = default);

    Task<CustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input, CancellationToken cancellationToken = default);

    /// <summary>Moves the loser's contacts, tags and partner views to the winner; the loser then redirects to the winner.</summary>
    Task<CustomerDto> MergeAsync(Guid winnerId, Guid loserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The filtered list as CSV for a spreadsheet in the reader's <paramref name="culture"/>: UTF-8 with a BOM, the culture's
    /// list separator (";" in Russian, "," in English) and its date format; the column names stay the import's.
    /// </summary>
    Task WriteCsvAsync(GetCustomerListInput input, Stream output, System.Globalization.CultureInfo culture,
        CancellationToken cancellationToken = default);
}
