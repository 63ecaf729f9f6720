using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Partners;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class PartnerIntegrationService(IdentityDbContext db) : IPartnerIntegrationService
{
    public async Task<Guid?> EnsureAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var existing = await db.Partners.AsNoTracking().Where(p => p.Name == name).Select(p => new { p.Id,
            p.IsActive }).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return existing.IsActive ? existing.Id : null;
        var partner = new Partner(Guid.CreateVersion7(), name, name);
        db.Partners.Add(partner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return partner.Id;
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request a moment ago.
            db.ChangeTracker.Clear();
            return await db.Partners.AsNoTracking().Where(p => p.Name == name && p.IsActive).Select(p => (Guid?)p.Id)
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    public Task<string?> FindNameAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
}
