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
        return job;
    }
}
