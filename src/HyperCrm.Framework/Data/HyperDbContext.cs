using System.Text.Json;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HyperCrm.Framework.Data;

/// <summary>
/// The base of every module's DbContext. SaveChanges runs in one transaction: it fills audit fields,
/// dispatches local events (their handlers' writes join the same save), writes distributed events to
/// the module's outbox, copies many added append-only rows at once (<see cref="BulkCopy"/>), commits, and then wakes
/// the outbox dispatcher.
/// </summary>
public abstract class HyperDbContext<TContext>(DbContextOptions<TContext> options, HyperDbContextDependencies dependencies)
    : DbContext(options), IHyperDbContext
    where TContext : DbContext
{
    private const int MaxLocalEventRounds = 10;
    private bool _outboxPending;
    private List<Action>? _afterCommit;

    protected HyperDbContextDependencies Dependencies { get; } = dependencies;

    /// <summary>The module's PostgreSQL schema; also where its outbox and inbox live.</summary>
    public abstract string Schema { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // In a request's shared transaction, this save is one part of it (behind EF's own savepoint), committed by its owner.
        var shared = Dependencies.ServiceProvider.GetService(typeof(SharedTransaction)) as SharedTransaction;
        if (shared?.Transaction is { } sharedTransaction && Database.CurrentTransaction is null
            && Database.GetDbConnection() == shared.Connection)
            await Database.UseTransactionAsync(sharedTransaction, cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // In its own transaction a failure rolls everything back, so EF's savepoint around the save would only cost two
        // round trips (SAVEPOINT, RELEASE) per save; a save inside someone else's transaction keeps it.
        var savepoints = Database.AutoSavepointsEnabled;
        if (ownTransaction) Database.AutoSavepointsEnabled = false;
        try
        {
            await DispatchLocalEventsAsync(cancellationToken);
            bool wroteEvents;
            using (ChangeTracker.Pause()) wroteEvents = WriteDistributedEventsToOutbox();
            // One change detection for the whole save (each scan of the tracker would start another): what the steps
            // below change, they report through the tracker themselves.
            if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
            int result;
            using (ChangeTracker.Pause())
            {
                ApplyAuditAndConcurrency();
                var copied = acceptAllChangesOnSuccess ? await BulkCopy.CopyAddedAsync(this, cancellationToken) : 0;
                result = copied + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            _outboxPending |= wroteEvents;
            if (wroteEvents && shared?.Transaction is not null && Database.CurrentTransaction?.GetDbTransaction() == shared.Transaction)
                shared.OutboxWritten();
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModule(modelBuilder);
    }

    /// <summary>Applies the module's <c>builder.Configure&lt;Name&gt;()</c>, which includes its event tables.</summary>
    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    /// <summary>True once per commit that wrote outbox rows; read by <see cref="OutboxCommitInterceptor"/>.</summary>
    public void WakeAfterCommit(Action wake)
    {
        ArgumentNullException.ThrowIfNull(wake);
        (_afterCommit ??= []).Add(wake);
    }

    public IReadOnlyList<Action> TakeAfterCommit()
    {
        if (_afterCommit is not { Count: > 0 } wakes) return [];
        _afterCommit = null;
        return wakes;
    }

    public bool TakeOutboxPending()
    {
        var pending = _outboxPending;
        _outboxPending = false;
        return pending;
    }

    private async Task DispatchLocalEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            List<object> pending;
            using (ChangeTracker.Pause())
            {
                pending = ChangeTracker.Entries<IHasDomainEvents>()
                    .SelectMany(e => { var events = e.Entity.GetLocalEvents().ToList(); e.Entity.ClearLocalEvents(); return events; })
                    .ToList();
            }
            if (pending.Count == 0) return;
            if (round == MaxLocalEventRounds)
                throw new InvalidOperationException($"Local events kept raising new events for {MaxLocalEventRounds} rounds; is there a " +
                    $"cycle?");
            foreach (var eventData in pending)
                await LocalEventDispatcher.DispatchAsync(Dependencies.ServiceProvider, eventData, cancellationToken);
        }
    }

    private bool WriteDistributedEventsToOutbox()
    {
        var entries = ChangeTracker.Entries<IHasDomainEvents>().Where(e => e.Entity.GetDistributedEvents().Count > 0).ToList();
        if (entries.Count == 0) return false;
        var now = Dependencies.Clock.GetUtcNow();
        var outbox = Set<OutboxMessage>(EventTablesModelBuilderExtensions.OutboxEntityName(Schema));
        var written = false;
        foreach (var entry in entries)
        {
            foreach (var eventData in entry.Entity.GetDistributedEvents())
            {
                var eventName = Dependencies.Events.Register(eventData.GetType());
                // An event no loaded module consumes is not written: nothing would ever read the row.
                if (!Dependencies.Events.HandlersOf(eventName).Any()) continue;
                outbox.Add(new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now),
                    EventName = eventName,
                    Payload = JsonSerializer.Serialize(eventData, eventData.GetType(), OutboxJson.Options),
                    OccurredAt = now,
                    NextAttemptAt = now,
                    CausationDepth = EventCausation.Depth,
                    TraceParent = HyperTelemetry.CurrentTraceParent(),
                });
                written = true;
            }
            entry.Entity.ClearDistributedEvents();
        }
        return written;
    }

    private void ApplyAuditAndConcurrency()
    {
        var now = Dependencies.Clock.GetUtcNow();
        var userId = Dependencies.CurrentUser.Id;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is IAuditedObject audited)
            {
                if (entry.State == EntityState.Added)
                {
                    if (audited.CreationTime == default) audited.CreationTime = now;
                    audited.CreatorId ??= userId;
                }
                else
                {
                    audited.LastModificationTime = now;
                    audited.LastModifierId = userId;
                }
            }
            if (entry.State == EntityState.Modified && entry.Entity is IHasConcurrencyStamp stamped)
                stamped.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            // Change detection is off for the rest of the save: report what was just set.
            if (entry.State == EntityState.Modified) entry.DetectChanges();
        }
    }
}
