using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

public sealed class SecurityAuditAppService(IdentityDbContext db) : ISecurityAuditAppService
{
    public async Task<PagedResultDto<SecurityAuditEntryDto>> GetListAsync(GetSecurityAuditInput input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = db.SecurityAuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            var pattern = LikePattern.Contains(input.Filter.Trim());
            query = query.Where(e => EF.Functions.ILike(e.Action, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(e.Subject!,
                pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(e.ActorName!, pattern, LikePattern.EscapeCharacter));
        }
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Time).Skip(input.Skip).Take(input.Take).ToListAsync(cancellationToken);
        return new PagedResultDto<SecurityAuditEntryDto>(total, items.Select(e => e.ToDto()).ToList());
    }
}
