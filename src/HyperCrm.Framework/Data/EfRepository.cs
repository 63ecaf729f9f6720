using HyperCrm.Framework.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Framework.Data;

public class EfRepository<TDbContext, TAggregate, TKey>(TDbContext dbContext) : IRepository<TAggregate, TKey>
    where TDbContext : DbContext
    where TAggregate : AggregateRoot<TKey>
    where TKey : notnull
{
    protected TDbContext DbContext { get; } = dbContext;

    protected DbSet<TAggregate> Set => DbContext.Set<TAggregate>();

    public virtual async Task<TAggregate?> FindAsync(TKey id, CancellationToken cancellationToken = default) =>
        await Set.FindAsync([id], cancellationToken);

    public async Task<TAggregate> GetAsync(TKey id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new EntityNotFoundException(typeof(TAggregate), id);

    public async Task InsertAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default)
    {
        await Set.AddAsync(aggregate, cancellationToken);
        if (autoSave) await SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default)
    {
        if (DbContext.Entry(aggregate).State == EntityState.Detached) Set.Update(aggregate);
        if (autoSave) await SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(TAggregate aggregate, bool autoSave = false, CancellationToken cancellationToken = default)
    {
        Set.Remove(aggregate);
        if (autoSave) await SaveChangesAsync(cancellationToken);
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken = default) => DbContext.SaveChangesAsync(cancellationToken);

    public IQueryable<TAggregate> Query() => Set;
}
