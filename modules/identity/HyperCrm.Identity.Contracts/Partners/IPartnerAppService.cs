namespace HyperCrm.Identity.Partners;

public interface IPartnerAppService
{
    Task<IReadOnlyList<PartnerDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<PartnerDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<PartnerDto> CreateAsync(CreatePartnerDto input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKeyDto>> GetKeysAsync(Guid partnerId, CancellationToken cancellationToken = default);

    Task<CreatedApiKeyDto> CreateKeyAsync(Guid partnerId, CreateApiKeyDto input, CancellationToken cancellationToken = default);

    Task RevokeKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken = default);
}
