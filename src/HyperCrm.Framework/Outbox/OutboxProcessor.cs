using System.Text.Json;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Framework.Outbox;

/// <summary>
/// Claims a batch of due outbox rows with FOR UPDATE SKIP LOCKED (so several instances share the work),
/// hands each event to every consumer in the consumer's own transaction guarded by its inbox, then marks
/// the row processed, schedules a retry with backoff, or moves the failures to dead letters.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopeFactory,
    EventRegistry events,
    WorkPauses pauses,
    OutboxSchemas schemas,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxProcessor> logger)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>
    /// Processes the next batch of one source after <paramref name="after"/> (null: from the oldest due row) and returns
    /// how many rows it settled and where it stopped. Processed rows stay in the table for the retention period and
    /// their index entries until the next vacuum: a drain that goes on from where it stopped does not walk past them
    /// again for every batch of a burst.
    /// </summary>
    public async Task<(int Count, OutboxPosition? Last)> ProcessBatchAsync(OutboxSource source, OutboxPosition? after,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(source.DbContextType);
        var schema = ((IHyperDbContext)db).Schema;
        // A drain begins with a look outside any transaction: an outbox with nothing due (most of them, most of the time,
        // while another module's drains) costs one statement, not a claim's BEGIN, SELECT … FOR UPDATE and ROLLBACK.
        var peek = $"""
            SELECT EXISTS (SELECT 1 FROM "{schema}".outbox_messages WHERE processed_at IS NULL AND next_attempt_at <= now()) AS "Value"
            """;
        if (after is null && !await db.Database.SqlQueryRaw<bool>(peek).SingleAsync(cancellationToken)) return (0, null);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outbox = db.Set<OutboxMessage>(EventTablesModelBuilderExtensions.OutboxEntityName(schema));
        var afterPosition = after is null ? string.Empty : " AND (next_attempt_at, id) > ({0}, {1})";
        var claim = $"""
            SELECT * FROM "{schema}".outbox_messages
            WHERE processed_at IS NULL AND next_attempt_at <= now(){afterPosition}
            ORDER BY next_attempt_at, id LIMIT {_options.BatchSize}
            FOR UPDATE SKIP LOCKED
            """;
        var due = await (after is { } position ? outbox.FromSqlRaw(claim, position.NextAttemptAt, position.Id) : outbox.FromSqlRaw(claim))
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return (0, after);
        var last = new OutboxPosition(due[^1].NextAttemptAt, due[^1].Id);

        var deadLetters = db.Set<DeadLetter>(EventTablesModelBuilderExtensions.DeadLetterEntityName(schema));
        var (delivered, deferred) = await DeliverAsync(due, cancellationToken);
        // The delivered rows (nearly all) are settled with one statement; the failures one by one below.
        var settled = due.Where(m => delivered[m.Id].Count == 0 && !deferred.Contains(m.Id)).Select(m => m.Id).ToArray();
        RecordDelivered(schema, due.Where(m => delivered[m.Id].Count == 0 && !deferred.Contains(m.Id)));
        if (settled.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                $$"""UPDATE "{{schema}}".outbox_messages SET processed_at = {0}, last_error = NULL WHERE id = ANY({1})""",
                [clock.GetUtcNow(), settled], cancellationToken);
        }
        foreach (var message in due)
        {
            var failures = delivered[message.Id];
            var now = clock.GetUtcNow();
            if (failures.Count == 0)
            {
                // A consumer of it is paused: the event waits for it (those that had it already skip it by their inbox).
                if (deferred.Contains(message.Id)) message.NextAttemptAt = now + PausedRecheck;
                continue;
            }
            message.Attempts++;
            message.LastError = Truncate(string.Join(" | ", failures.Select(f => $"{f.Consumer}: {f.Error}")), 4000);
            var poison = failures.Any(f => f.Poison);
            if (poison || message.Attempts >= _options.MaxAttempts)
            {
                foreach (var failure in failures)
                {
                    deadLetters.Add(new DeadLetter
                    {
                        Id = Guid.CreateVersion7(now), EventId = message.Id, EventName = message.EventName, Payload = message.Payload,
                        Consumer = failure.Consumer, Error = Truncate(failure.Error, 4000), Attempts = message.Attempts,
                        OccurredAt = message.OccurredAt, DeadLetteredAt = now,
                    });
                }
                message.ProcessedAt = now;
                HyperTelemetry.EventsDelivered.Add(1, Tag("module", schema), Tag("event", message.EventName), Tag("outcome", "dead"));
                logger.LogError("Event {EventName} {EventId} dead-lettered after {Attempts} attempts", message.EventName, message.Id,
                    message.Attempts);
            }
            else
            {
                message.NextAttemptAt = now + _options.RetryDelay(message.Attempts);
                HyperTelemetry.EventsDelivered.Add(1, Tag("module", schema), Tag("event", message.EventName), Tag("outcome", "retry"));
                logger.LogWarning("Event {EventName} {EventId} failed (attempt {Attempts}); retrying at {NextAttemptAt}",
                    message.EventName, message.Id, message.Attempts, message.NextAttemptAt);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (due.Count, last);
    }

    /// <summary>When the first unprocessed event of any of <paramref name="sources"/> falls due (null: every outbox is empty).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(IReadOnlyList<OutboxSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0) return null;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(sources[0].DbContextType);
        var sql = "SELECT min(due) AS \"Value\" FROM (" + string.Join(" UNION ALL ", sources.Select(schemas.Of)
            .Distinct(StringComparer.Ordinal).Select(schema =>
                $"(SELECT next_attempt_at AS due FROM \"{schema}\".outbox_messages WHERE processed_at IS NULL " +
                "ORDER BY next_attempt_at LIMIT 1)"))
            + ") d";
        return await db.Database.SqlQueryRaw<DateTimeOffset?>(sql).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Hands the batch to its consumers. Each consumer first gets all its events of the batch in one transaction
    /// (one commit for many events, each still guarded by its inbox row); if any of them fails, that transaction rolls
    /// back and every event is retried alone, so one bad event only fails itself.
    /// </summary>
    private async Task<(Dictionary<Guid, List<ConsumerFailure>> Failures, HashSet<Guid> Deferred)> DeliverAsync(
        List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var failures = messages.ToDictionary(m => m.Id, _ => new List<ConsumerFailure>());
        var deferred = new HashSet<Guid>();
        var paused = await pauses.PausedAsync(WorkKinds.Consumer, cancellationToken);
        var work = new List<(DistributedEventHandlerRegistration Consumer, OutboxMessage Message, object Data)>();
        foreach (var message in messages)
        {
            var consumers = events.HandlersOf(message.EventName).ToList();
            if (consumers.Count == 0) continue;
            if (paused.Count > 0 && consumers.Any(c => paused.Contains(c.Consumer)))
            {
                deferred.Add(message.Id);
                consumers = consumers.Where(c => !paused.Contains(c.Consumer)).ToList();
                if (consumers.Count == 0) continue;
            }
            try
            {
                var eventData = JsonSerializer.Deserialize(message.Payload, consumers[0].EventType, OutboxJson.Options)
                                ?? throw new JsonException("The payload is null.");
                work.AddRange(consumers.Select(c => (c, message, eventData)));
            }
            catch (JsonException ex)
            {
                failures[message.Id].Add(new ConsumerFailure(null, $"Unreadable payload: {ex.Message}", Poison: true));
            }
        }
        // The consumers side by side, each in its own transactions and in the batch's order: one slow consumer (the event
        // log's) no longer holds up the others (the rules' runs), and the batch takes as long as its slowest consumer.
        await Task.WhenAll(work.GroupBy(w => (w.Consumer.Consumer, w.Consumer.InboxDbContextType))
            .Select(group => DeliverToConsumerAsync(group.ToList(), failures, cancellationToken)));
        return (failures, deferred);
    }

    /// <summary>One consumer's events of the batch: together in one transaction, else one by one so a bad one fails alone.</summary>
    private async Task DeliverToConsumerAsync(
        List<(DistributedEventHandlerRegistration Consumer, OutboxMessage Message, object Data)> items,
        Dictionary<Guid, List<ConsumerFailure>> failures, CancellationToken cancellationToken)
    {
        if (items.Count > 1 && await TryHandleTogetherAsync(items, cancellationToken)) return;
        foreach (var (consumer, message, eventData) in items)
        {
            try
            {
                await HandleInOneTransactionAsync([(consumer, message, eventData)], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Consumer {Consumer} failed on {EventName} {EventId}", consumer.Consumer, message.EventName,
                    message.Id);
                var failed = failures[message.Id];
                lock (failed) failed.Add(new ConsumerFailure(consumer.Consumer, $"{ex.GetType().Name}: {ex.Message}", Poison: false));
            }
        }
    }

    /// <summary>How long an event with a paused consumer waits before the dispatcher looks at it again.</summary>
    public static readonly TimeSpan PausedRecheck = TimeSpan.FromSeconds(5);

    private async Task<bool> TryHandleTogetherAsync(List<(DistributedEventHandlerRegistration Consumer, OutboxMessage Message,
        object Data)> items, CancellationToken cancellationToken)
    {
        try
        {
            await HandleInOneTransactionAsync(items, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Consumer {Consumer} failed on a batch; handling its events one by one", items[0].Consumer.Consumer);
            return false;
        }
    }

    /// <summary>
    /// Hands the events to one consumer in one transaction of its DbContext; each is guarded by its inbox row (a
    /// redelivered event is skipped; the rows of the whole batch are claimed with one statement). Each event's writes
    /// are flushed before the next so handlers see them, unless the consumer is <see cref="DistributedEventHandlerRegistration.Batched"/>:
    /// then one SaveChanges writes the batch.
    /// </summary>
    private async Task HandleInOneTransactionAsync(List<(DistributedEventHandlerRegistration Consumer, OutboxMessage Message,
        object Data)> items, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(items[0].Consumer.InboxDbContextType);
        var schema = ((IHyperDbContext)db).Schema;
        // Any failure rolls the whole transaction back (and the batch is retried event by event), so a savepoint
        // around each SaveChanges would only cost two more round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = items.Select(i => i.Message.Id).ToArray();
        var firstTime = (await db.Database.SqlQueryRaw<Guid>(
                $$"""
                  INSERT INTO "{{schema}}".inbox_messages (event_id, consumer, processed_at)
                  SELECT id, {1}, now() FROM unnest({0}) AS id
                  ON CONFLICT DO NOTHING RETURNING event_id AS "Value"
                  """, ids, items[0].Consumer.Consumer)
            .ToListAsync(cancellationToken)).ToHashSet();
        var batched = items[0].Consumer.Batched;
        foreach (var (consumer, message, eventData) in items)
        {
            if (!firstTime.Contains(message.Id)) continue;
            using (var span = HyperTelemetry.StartConsumer(message.EventName, message.TraceParent))
            using (EventCausation.Handling(new IncomingEvent(message.Id, message.EventName, message.OccurredAt, message.CausationDepth)))
            {
                span?.SetTag("hypercrm.consumer", consumer.Consumer);
                span?.SetTag("hypercrm.event_id", message.Id);
                await consumer.Invoke(scope.ServiceProvider, eventData, cancellationToken);
            }
            if (!batched) await db.SaveChangesAsync(cancellationToken);
        }
        if (batched) await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void RecordDelivered(string schema, IEnumerable<OutboxMessage> messages)
    {
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            HyperTelemetry.EventsDelivered.Add(1, Tag("module", schema), Tag("event", message.EventName), Tag("outcome", "delivered"));
            HyperTelemetry.EventLag.Record(Math.Max(0, (now - message.OccurredAt).TotalSeconds), Tag("module", schema));
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record ConsumerFailure(string? Consumer, string Error, bool Poison);
}
