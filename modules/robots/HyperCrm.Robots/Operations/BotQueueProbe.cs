using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Robots.Runner;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Operations;

/// <summary>The bot queue for the operations console: jobs queued, running and waiting for a person, and this instance's
/// browsers.</summary>
public sealed class BotQueueProbe(RobotsDbContext db, BotWorkerPool pool, TimeProvider clock) : IOperationsProbe
{
    /// <summary>The reading key of a bot's recent failures: this prefix and the bot's key.</summary>
    public const string FailuresPrefix = "robots.bot_failures.";

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(30);

    private static readonly BotJobState[] Open = [BotJobState.Queued, BotJobState.Running, BotJobState.NeedsPerson];

    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byState = await db.Jobs.AsNoTracking().Where(j => Open.Contains(j.State)).GroupBy(j => j.State)
            .Select(g => new { State = g.Key, Count = g.LongCount(), Retried = g.LongCount(j => j.Attempts > 1),
                Oldest = g.Min(j => j.DueAt) })
            .ToListAsync(cancellationToken);
        var readings = Open.Select(state =>
        {
            var row = byState.FirstOrDefault(s => s.State == state);
            return new QueueReading($"robots.jobs.{Key(state)}", "robots", Message.Of("Robots:Operations:Jobs" + state), row?.Count ?? 0,
                row is null ? null : Math.Max(0, (now - row.Oldest).TotalSeconds), "/Robots/Queue",
                Failing: state == BotJobState.NeedsPerson ? row?.Count ?? 0 : row?.Retried ?? 0);
        }).ToList();
        // Each bot's failed attempts of the last half hour (a bot "failing repeatedly" alerts on these).
        var since = now - FailureWindow;
        var failing = await db.Runs.AsNoTracking()
            .Where(r => r.StartedAt >= since && !r.IsTest && (r.Outcome == BotRunOutcome.Failed || r.Outcome == BotRunOutcome.Retrying))
            .GroupBy(r => r.BotKey).Select(g => new { Bot = g.Key, Count = g.LongCount(), Oldest = g.Min(r => r.StartedAt) })
            .ToListAsync(cancellationToken);
        readings.AddRange(failing.Select(f => new QueueReading(FailuresPrefix + f.Bot, "robots",
            Message.Of("Robots:Operations:BotFailures", ("bot", f.Bot)), f.Count, Math.Max(0, (now - f.Oldest).TotalSeconds),
            "/Robots/Runs", Failing: f.Count)));
        var workers = pool.Workers;
        readings.Add(new QueueReading("robots.workers", "robots", Message.Of("Robots:Operations:Workers"), workers.Count, null,
            "/Robots/Queue"));
        return readings;
    }

    private static string Key(BotJobState state) => state == BotJobState.NeedsPerson ? "needs_person" : state.ToString().ToLowerInvariant();
}
