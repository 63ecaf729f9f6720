namespace HyperCrm.Framework.Domain;

/// <summary>The repository of one aggregate type; the EF implementation saves through the module's DbContext.</summary>
public interface IRepository<TAggregate, in TKey>
    where TAggregate : AggregateRoot<TKey>
    where TKey : notnull
{
    Task<TAggregate?> FindAsync(TKey id, CancellationToken cancellationToken = default);

    Task<TAggregate> GetAsync(TKey id, CancellationToken cancellationToken = default);

    Task InsertAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default);

    Task UpdateAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default);

    Task DeleteAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    IQueryable<TAggregate> Query();
}
