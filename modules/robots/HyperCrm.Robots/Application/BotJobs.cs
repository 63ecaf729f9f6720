using System.Text.Json;
using HyperCrm.Framework.Domain;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Robots.Runner;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Application;

/// <summary>Puts work in the bots' queue (a rule's step, a test run), once per source key, and wakes this instance's pool.</summary>
public sealed class BotJobs(RobotsDbContext db, BotWorkerPool pool, TimeProvider clock)
{
    public async Task<BotJob> EnqueueAsync(string botKey, IReadOnlyDictionary<string, object?> parameters, string requestedBy,
        string? sourceKey, Action<BotJob>? about = null, bool isTest = false, CancellationToken cancellationToken = default)
    {
        if (sourceKey is not null && await db.Jobs.FirstOrDefaultAsync(j => j.SourceKey == sourceKey, cancellationToken) is { } known)
            return known;
        var bot = await db.Bots.FirstOrDefaultAsync(b => b.Key == botKey, cancellationToken)
            ?? throw new BusinessException("Robots:NoSuchBot", $"There is no bot '{botKey}'.");
        if (!isTest && bot.LiveVersion == 0)
            throw new BusinessException("Robots:NotPublished", $"The bot '{botKey}' has no published version yet.");
        var job = new BotJob(Guid.CreateVersion7(), bot.Id, bot.Key, bot.Name, JsonSerializer.Serialize(parameters), requestedBy,
            clock.GetUtcNow(), sourceKey, isTest);
        about?.Invoke(job);
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (sourceKey is not null)
        {
            // Asked twice at once from the same step: the other one's job is the job.
            db.Entry(job).State = EntityState.Detached;
            return await db.Jobs.AsNoTracking().FirstAsync(j => j.SourceKey == sourceKey, cancellationToken);
        }
        pool.Wake();
        // Enqueued inside a run's transaction: the pool looks again once it is committed.
        if (db.Database.CurrentTransaction is not null) db.WakeAfterCommit(pool.Wake);
        return job;
    }

    /// <summary>
    /// Like <see cref="EnqueueAsync"/>, but first offers the lines to a job of the same bot still waiting in the queue for
    /// other orders with the same SKUs (within <paramref name="upTo"/> of each): then that job does the work for both, and
    /// this order's request is a <see cref="BotJobState.Shared"/> job pointing at it. Answers the job that does the work.
    /// </summary>
    public async Task<BotJob> EnqueueOrShareAsync(string botKey, IReadOnlyDictionary<string, object?> parameters,
        IReadOnlyList<(string Sku, int Quantity)> lines, int upTo, string requestedBy, string sourceKey, Action<BotJob> about,
        CancellationToken cancellationToken)
    {
        if (await db.Jobs.FirstOrDefaultAsync(j => j.SourceKey == sourceKey, cancellationToken) is { } known)
            return await WorkerOfAsync(known, cancellationToken);
        // Orders of one burst reach this at once: one at a time per bot, each sees the others' jobs (workers are not held up).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"robots.share:" + botKey}))", cancellationToken);
        var job = await ShareOrEnqueueAsync(botKey, parameters, lines, upTo, requestedBy, sourceKey, about, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return job;
    }

    private async Task<BotJob> ShareOrEnqueueAsync(string botKey, IReadOnlyDictionary<string, object?> parameters,
        IReadOnlyList<(string Sku, int Quantity)> lines, int upTo, string requestedBy, string sourceKey, Action<BotJob> about,
        CancellationToken cancellationToken)
    {
        var skus = lines.Select(l => l.Sku).ToList();
        var waiting = await db.Jobs.Where(j => j.BotKey == botKey && j.State == BotJobState.Queued && j.Attempts == 0 && !j.IsTest
            && j.ShareOf == null).OrderBy(j => j.CreatedAt).Take(20).ToListAsync(cancellationToken);
        foreach (var primary in waiting.Where(j => skus.All(s => j.Parameters.Contains($"\"{s}\"", StringComparison.OrdinalIgnoreCase))))
        {
            if (!primary.TryShare(lines, upTo)) continue;
            var shared = BotJob.SharedWith(primary, JsonSerializer.Serialize(parameters), requestedBy, sourceKey, clock.GetUtcNow());
            about(shared);
            db.Jobs.Add(shared);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return primary;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A worker took that job meanwhile: this order gets a job of its own.
                db.ChangeTracker.Clear();
                break;
            }
        }
        return await WorkerOfAsync(await EnqueueAsync(botKey, parameters, requestedBy, sourceKey, about,
            cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>The job that does the work: the job itself, or the one a shared job rides on.</summary>
    public async Task<BotJob> WorkerOfAsync(BotJob job, CancellationToken cancellationToken) =>
        job.ShareOf is { } primary ? await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == primary, cancellationToken) : job;
}
