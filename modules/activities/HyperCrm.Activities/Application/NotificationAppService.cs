using HyperCrm.Activities.Data;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class NotificationAppService(ActivitiesDbContext db, ICurrentUser currentUser, MessageFormatter words)
    : INotificationAppService
{
    /// <summary>The newest notifications, worded in the reader's language.</summary>
    public async Task<IReadOnlyList<NotificationDto>> GetMineAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == currentUser.Id).OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(limit, 1, 200)).ToListAsync(cancellationToken))
            .Select(n => new NotificationDto(n.Id, words.Format(n.Title), n.Url, n.IsRead, n.CreatedAt)).ToList();

    public Task<int> CountUnreadAsync(CancellationToken cancellationToken = default) =>
        currentUser.Id is { } me ? db.Notifications.CountAsync(n => n.UserId == me && !n.IsRead, cancellationToken) : Task.FromResult(0);

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default) =>
        await db.Notifications.Where(n => n.UserId == currentUser.Id && !n.IsRead).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead,
            true), cancellationToken);
}
