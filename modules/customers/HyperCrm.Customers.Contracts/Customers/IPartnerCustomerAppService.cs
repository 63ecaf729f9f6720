namespace HyperCrm.Customers.Customers;

/// <summary>
/// Customers for the partner API. A partner reads and writes its own view of the customers it brought (by creating them
/// or by orders matched to them); any other id is "not found", and nothing a partner sends changes staff's record of a
/// customer it did not create. Staff-only fields in the input (owner, tags, consent source, other contacts) are refused.
/// </summary>
public interface IPartnerCustomerAppService
{
    Task<CursorPageDto<PartnerCustomerDto>> GetPageAsync(Guid partnerId, string? filter, int limit, string? cursor,
        CancellationToken cancellationToken = default);

    Task<PartnerCustomerDto> GetAsync(Guid id, Guid partnerId, CancellationToken cancellationToken = default);

    Task<PartnerCustomerDto> CreateAsync(CreateCustomerDto input, Guid partnerId, CancellationToken cancellationToken = default);

    Task<PartnerCustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input, Guid partnerId, CancellationToken cancellationToken = default);
}
