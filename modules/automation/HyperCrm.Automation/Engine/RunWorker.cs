using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Moves runs forward: picks due runs (new, retrying, a delay or a wait's timeout passed), locks each with
/// FOR UPDATE SKIP LOCKED (several instances share the work), and executes it, committing after every side effect.
/// A crash rolls back only the step in progress; its action is re-executed with the same idempotency key.
/// </summary>
public sealed class RunWorker(
    IServiceScopeFactory scopes,
    RunSignal signal,
    DatabaseReadiness readiness,
    IOptions<AutomationOptions> options,
    ILogger<RunWorker> logger) : SignalledWorker(signal, readiness, logger)
{
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override bool Enabled => options.Value.WorkerEnabled;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow >= _nextPurge)
        {
            await PurgeEventLogAsync(cancellationToken);
            _nextPurge = DateTimeOffset.UtcNow.AddHours(1);
        }
        return await ProcessDueAsync(cancellationToken) > 0;
    }

    /// <summary>One round: every due run moved as far as it goes now. Returns how many runs it touched.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
            due = await db.Runs.AsNoTracking().Where(r => r.NextAttemptAt != null && r.NextAttemptAt <= DateTimeOffset.UtcNow)
                .OrderBy(r => r.NextAttemptAt).Select(r => r.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        }
        var touched = 0;
        // Runs are independent (each locked on its own), so several go at once: most of a step's time is spent
        // waiting on a connector or the database, not on this CPU.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                // A run goes on segment by segment (one side effect per commit) until it parks.
                for (var segment = 0; segment < 200; segment++)
                {
                    var outcome = await ProcessRunAsync(id, ct);
                    if (outcome is null) break;
                    Interlocked.Increment(ref touched);
                    if (outcome != StepOutcome.Commit) break;
                }
            });
        return touched;
    }

    /// <summary>Drops recorded events older than the retention, a batch at a time (runs keep their own data).</summary>
    private async Task PurgeEventLogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        var before = DateTimeOffset.UtcNow - options.Value.EventLogRetention;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM automation.event_log WHERE id IN (SELECT id FROM automation.event_log WHERE occurred_at < {before} LIMIT 5000)", cancellationToken);
        }
        while (deleted == 5000 && !cancellationToken.IsCancellationRequested);
    }

    private async Task<StepOutcome?> ProcessRunAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.Runs.FromSqlInterpolated($"""
                SELECT * FROM automation.runs WHERE id = {id} AND next_attempt_at <= now() FOR UPDATE SKIP LOCKED
                """).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return null;
        var program = await scope.ServiceProvider.GetRequiredService<RuleProgramCache>().GetAsync(db, run.VersionId, cancellationToken);
        var interpreter = scope.ServiceProvider.GetRequiredService<RunInterpreter>();
        if (run.State == Rules.RunState.Pending && !interpreter.Start(run, program))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return StepOutcome.Parked;
        }
        var outcome = await interpreter.ContinueAsync(run, program, inline: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
