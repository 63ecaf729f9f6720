using HyperCrm.Automation.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Moves runs forward. A round leases the due runs (new, retrying, a delay or a wait's timeout passed) in one short
/// transaction with FOR UPDATE SKIP LOCKED, so several instances share the work: each leased run's next attempt moves
/// to the lease's end, and that value is the lease. The runs are then executed with no database lock held while a step
/// calls out, each segment (one side effect) committed on its own, and only while the run still carries this lease (the
/// next attempt time is the run's concurrency token, so a run someone else took over is not written twice). A crash
/// mid-step leaves the run leased until <see cref="AutomationOptions.LeaseTime"/> passes; the step is then re-executed
/// with the same idempotency key. A round that ends hands back at once whatever it still holds.
/// </summary>
public sealed class RunWorker(
    IServiceScopeFactory scopes,
    RunSignal signal,
    WorkPauses pauses,
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
            // Moved on first: a purge that fails is tried again next hour, not before every round.
            _nextPurge = DateTimeOffset.UtcNow.AddHours(1);
            await PurgeEventLogAsync(cancellationToken);
        }
        return await ProcessDueAsync(cancellationToken) > 0;
    }

    /// <summary>The earliest next attempt of a run not paused (a delay ending, a retry, a wait's timeout, a lease running out),
    /// or now when the hourly purge of the event log is due.</summary>
    protected override async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow >= _nextPurge) return DateTimeOffset.UtcNow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        var paused = (await pauses.PausedAsync(WorkKinds.Rule, cancellationToken))
            .Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToArray();
        return await db.Database.SqlQuery<DateTimeOffset?>($"""
            SELECT min(next_attempt_at) AS "Value" FROM automation.runs WHERE next_attempt_at IS NOT NULL AND rule_id <> ALL({paused})
            """).SingleAsync(cancellationToken);
    }

    protected override bool KnowsNextDue => true;

    /// <summary>One round: every due run moved as far as it goes now. Returns how many runs it touched.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var leased = await LeaseAsync(cancellationToken);
        if (leased.Count == 0) return 0;
        var touched = 0;
        try
        {
            // Runs are independent, so several go at once: most of a step's time is spent waiting on a connector or
            // the database, not on this CPU, and no lock is held meanwhile.
            await Parallel.ForEachAsync(leased, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency),
                CancellationToken = cancellationToken },
                async (lease, ct) => Interlocked.Add(ref touched, await ProcessRunAsync(lease, ct)));
        }
        finally
        {
            await ReleaseAsync(leased);
        }
        return touched;
    }

    private sealed record Lease(Guid Id, DateTimeOffset Until);

    private async Task<List<Lease>> LeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        // Whole microseconds, as PostgreSQL stores them: the value read back later compares equal.
        var until = DateTimeOffset.UtcNow + options.Value.LeaseTime;
        until = until.AddTicks(-(until.UtcTicks % 10));
        // A paused rule's runs wait where they are (nothing of them is lost) until an operator resumes it.
        var paused = (await pauses.PausedAsync(WorkKinds.Rule, cancellationToken))
            .Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToArray();
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE automation.runs SET next_attempt_at = {until}
            WHERE id IN (SELECT id FROM automation.runs WHERE next_attempt_at <= now() AND rule_id <> ALL({paused})
            ORDER BY next_attempt_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Select(id => new Lease(id, until)).ToList();
    }

    /// <summary>Runs still held when the round ends (stopping, a failed save, the segment cap) are due again at once.</summary>
    private async Task ReleaseAsync(List<Lease> leased)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
            var ids = leased.Select(l => l.Id).ToList();
            var until = leased[0].Until;
            // One statement for the round (every lease of a round ends at the same moment).
            await db.Runs.Where(r => ids.Contains(r.Id) && r.NextAttemptAt == until)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, DateTimeOffset.UtcNow), CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The database is gone or the host is stopping: the leases run out by themselves.
            logger.LogDebug(ex, "Run leases were left to expire");
        }
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
            deleted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM automation.event_log
                WHERE id IN (SELECT id FROM automation.event_log WHERE occurred_at < {before} LIMIT 5000)
                """, cancellationToken);
        }
        while (deleted == 5000 && !cancellationToken.IsCancellationRequested);
    }

    /// <summary>
    /// Moves one leased run segment by segment (one side effect per commit) until it parks, in one scope: the run is
    /// read once, and each segment's save is its commit. Returns how many segments it took.
    /// </summary>
    private async Task<int> ProcessRunAsync(Lease lease, CancellationToken cancellationToken)
    {
        // Stopping: runs not begun yet are handed back with the round's leases, for the next start (or another instance).
        if (Stopping.IsCancellationRequested) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == lease.Id && r.NextAttemptAt == lease.Until, cancellationToken);
        // Moved by someone else between the lease and now (an event resumed it): nothing to do.
        if (run is null) return 0;
        var program = await scope.ServiceProvider.GetRequiredService<RuleProgramCache>().GetAsync(db, run.VersionId, cancellationToken);
        var interpreter = scope.ServiceProvider.GetRequiredService<RunInterpreter>();
        for (var segment = 1; segment <= 200; segment++)
        {
            StepOutcome outcome;
            if (run.State == Rules.RunState.Pending && !interpreter.Start(run, program)) outcome = StepOutcome.Parked;
            else outcome = await interpreter.ContinueAsync(run, program, inline: false, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else moved the run meanwhile (an event resumed it, or another instance took it over after the
                // lease ran out): theirs stands; an effect this step had is repeated by them with the same idempotency key.
                logger.LogInformation("Run {Run} was moved by someone else while this worker held it; its result is dropped", lease.Id);
                return segment;
            }
            // Only a committed side effect with the lease still held goes straight on; a wait, a retry or the end parks.
            if (outcome != StepOutcome.Commit || run.NextAttemptAt != lease.Until) return segment;
            // The host is stopping: the step under way has finished and is committed; the next one waits for the next start
            // (the lease is handed back at the end of the round).
            if (Stopping.IsCancellationRequested) return segment;
        }
        return 200;
    }
}
