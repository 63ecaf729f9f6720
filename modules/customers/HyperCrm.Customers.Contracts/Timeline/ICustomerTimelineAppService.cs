namespace HyperCrm.Customers.Timeline;

public interface ICustomerTimelineAppService
{
    Task<IReadOnlyList<TimelineEntryDto>> GetAsync(Guid customerId, DateTimeOffset? before = null, int limit = 50,
        CancellationToken cancellationToken = default);

    /// <summary>The latest entries across all customers (the home page's recent activity).</summary>
    Task<IReadOnlyList<TimelineEntryDto>> GetRecentAsync(int limit, CancellationToken cancellationToken = default);
}
