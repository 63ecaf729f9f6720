using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Partners;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class PartnerAppService(IdentityDbContext db, ICurrentUser currentUser, ISecurityAuditLogger audit,
    TimeProvider clock) : IPartnerAppService
{
    public async Task<IReadOnlyList<PartnerDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { Partner = p, Keys = db.ApiKeys.Count(k => k.PartnerId == p.Id && k.RevokedTime == null) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.Partner.ToDto(r.Keys)).ToList();
    }

    public async Task<PartnerDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var partner = await FindAsync(id, cancellationToken);
        var keys = await db.ApiKeys.CountAsync(k => k.PartnerId == id && k.RevokedTime == null, cancellationToken);
        return partner.ToDto(keys);
    }

    public async Task<PartnerDto> CreateAsync(CreatePartnerDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name, cancellationToken))
            throw new BusinessException("Identity:DuplicatePartner", $"A partner named '{name}' already exists.");
        var partner = new Partner(Guid.CreateVersion7(), name, input.DisplayName);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.PartnerCreated, true, name, null, cancellationToken);
        return partner.ToDto(0);
    }

    public async Task<IReadOnlyList<ApiKeyDto>> GetKeysAsync(Guid partnerId, CancellationToken cancellationToken = default)
    {
        await FindAsync(partnerId, cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId)
            .OrderBy(k => k.RevokedTime != null).ThenByDescending(k => k.CreationTime).ToListAsync(cancellationToken);
        return keys.Select(k => k.ToDto()).ToList();
    }

    public async Task<CreatedApiKeyDto> CreateKeyAsync(Guid partnerId, CreateApiKeyDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var partner = await FindAsync(partnerId, cancellationToken);
        if (string.Equals(input.Name.Trim(), BootstrapApiKeysSeedContributor.KeyName, StringComparison.OrdinalIgnoreCase))
            throw BusinessException.ForField("Identity:ReservedKeyName", "name",
                $"'{BootstrapApiKeysSeedContributor.KeyName}' is reserved for keys from the configuration; choose another name.");
        var plain = ApiKey.Generate();
        var key = new ApiKey(Guid.CreateVersion7(), partnerId, input.Name, plain, input.Scopes);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.ApiKeyCreated, true, partner.Name,
            $"key {key.Prefix}… '{key.Name}' scopes [{string.Join(", ", key.Scopes)}]", cancellationToken);
        return new CreatedApiKeyDto(key.ToDto(), plain);
    }

    public async Task RevokeKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken = default)
    {
        var partner = await FindAsync(partnerId, cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.PartnerId == partnerId, cancellationToken)
                  ?? throw new EntityNotFoundException(typeof(ApiKey), keyId);
        key.Revoke(clock.GetUtcNow(), currentUser.Id);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.ApiKeyRevoked, true, partner.Name, $"key {key.Prefix}… '{key.Name}'", cancellationToken);
    }

    private async Task<Partner> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new EntityNotFoundException(typeof(Partner), id);
}
