namespace HyperCrm.Activities;

public interface INotificationAppService
{
    Task<IReadOnlyList<NotificationDto>> GetMineAsync(int limit = 50, CancellationToken cancellationToken = default);

    Task<int> CountUnreadAsync(CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(CancellationToken cancellationToken = default);
}
