using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Activities.Messages;
using HyperCrm.Framework.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

/// <summary>The support inbox (the pages check <see cref="ActivitiesPermissions.Messages"/>).</summary>
public sealed class MessageAppService(ActivitiesDbContext db) : IMessageAppService
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<InboundMessageDto>> GetListAsync(string? intent, bool includeHandled,
        CancellationToken cancellationToken = default)
    {
        var query = db.Messages.AsNoTracking();
        if (!includeHandled) query = query.Where(m => !m.Handled);
        if (!string.IsNullOrWhiteSpace(intent)) query = query.Where(m => m.Intent == intent);
        return (await query.OrderByDescending(m => m.ReceivedAt).Take(PageSize).ToListAsync(cancellationToken)).Select(m => m.ToDto())
            .ToList();
    }

    public async Task<InboundMessageDto> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(InboundMessage), id)).ToDto();

    public async Task MarkHandledAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(InboundMessage), id);
        message.MarkHandled();
        await db.SaveChangesAsync(cancellationToken);
    }
}
