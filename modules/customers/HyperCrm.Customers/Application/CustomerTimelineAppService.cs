using HyperCrm.Customers.Data;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Application;

public sealed class CustomerTimelineAppService(CustomersDbContext db, MessageFormatter words) : ICustomerTimelineAppService
{
    public async Task<IReadOnlyList<TimelineEntryDto>> GetAsync(Guid customerId, DateTimeOffset? before = null, int limit = 50,
        CancellationToken cancellationToken = default)
    {
        var query = db.Timeline.AsNoTracking().Where(e => e.CustomerId == customerId);
        if (before is { } cutoff) query = query.Where(e => e.At < cutoff);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Math.Clamp(limit, 1,
            200)).ToListAsync(cancellationToken);
        return entries.Select(e => e.ToDto(words)).ToList();
    }

    public async Task<IReadOnlyList<TimelineEntryDto>> GetRecentAsync(int limit, CancellationToken cancellationToken = default) =>
        (await db.Timeline.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Math.Clamp(limit, 1,
            50)).ToListAsync(cancellationToken))
        .Select(e => e.ToDto(words)).ToList();
}
