namespace HyperCrm.Framework.Domain;

/// <summary>
/// A consistency boundary. Local events run inside the saving transaction; distributed events go to
/// the module's outbox in the same transaction and reach other modules after the commit.
/// </summary>
public abstract class AggregateRoot<TKey> : Entity<TKey>, IHasDomainEvents, IHasConcurrencyStamp
    where TKey : notnull
{
    private readonly List<object> _localEvents = [];
    private readonly List<object> _distributedEvents = [];

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    protected AggregateRoot() { }

    protected AggregateRoot(TKey id) : base(id) { }

    protected void AddLocalEvent(object eventData) => _localEvents.Add(Check.NotNull(eventData, nameof(eventData)));

    protected void AddDistributedEvent(object eventData) => _distributedEvents.Add(Check.NotNull(eventData, nameof(eventData)));

    public IReadOnlyList<object> GetLocalEvents() => _localEvents;

    public IReadOnlyList<object> GetDistributedEvents() => _distributedEvents;

    public void ClearLocalEvents() => _localEvents.Clear();

    public void ClearDistributedEvents() => _distributedEvents.Clear();
}
