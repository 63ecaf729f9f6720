using HyperCrm.Activities.Data;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class NotificationAppService(ActivitiesDbContext db, ICurrentUser currentUser) : INotificationAppService
{
    public async Task<IReadOnlyList<NotificationDto>> GetMineAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == currentUser.Id).OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(n => new NotificationDto(n.Id, n.Title, n.Url, n.IsRead, n.CreatedAt)).ToListAsync(cancellationToken);

    public Task<int> CountUnreadAsync(CancellationToken cancellationToken = default) =>
        currentUser.Id is { } me ? db.Notifications.CountAsync(n => n.UserId == me && !n.IsRead, cancellationToken) : Task.FromResult(0);

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default) =>
        await db.Notifications.Where(n => n.UserId == currentUser.Id && !n.IsRead).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead,
            true), cancellationToken);
}
