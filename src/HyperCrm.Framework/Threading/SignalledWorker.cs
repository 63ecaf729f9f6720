using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Threading;

/// <summary>
/// A background worker that works in rounds over a queue in the database: once the database is ready, then whenever
/// its <see cref="WakeSignal"/> is notified, and on a slow poll as a safety net. A failed round is logged and tried
/// again after the poll interval. When the host stops, no new round starts and the round under way may finish what it
/// is doing for up to <see cref="DrainTime"/> (a step's call to a connector is not cut in half; <see cref="Stopping"/>
/// tells it not to begin more); only then is it cancelled. A round cut short ends quietly (the scopes it uses may already
/// be disposed): what it had committed stays, its open transaction rolls back, and the rest is picked up at the next start.
/// </summary>
public abstract class SignalledWorker(WakeSignal signal, DatabaseReadiness readiness, ILogger logger) : BackgroundService
{
    /// <summary>Set by the module that registers the worker: wakes the same worker on the other instances when this one has more
    /// than it takes in a round (and is woken by theirs).</summary>
    public ClusterWakeups? Peers { get; set; }

    /// <summary>False turns the worker off on this instance (another instance, or a test, does the work).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>How long the round under way may go on once the host is stopping (the host waits at most 30 s in all).</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(15);

    /// <summary>Cancelled when the host begins to stop: a round checks it before it begins something new.</summary>
    protected CancellationToken Stopping { get; private set; }

    /// <summary>One round of work; true when more may be due at once, so the next round starts without waiting.</summary>
    protected abstract Task<bool> RunRoundAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When the next item already in the queue falls due (null: nothing is scheduled), read after a round found nothing
    /// more to do: the worker sleeps until then (at most <see cref="PollInterval"/>) instead of polling. New work wakes it
    /// through its signal (this instance) or <see cref="ClusterWakeups"/> (another one). A worker that answers it
    /// (<see cref="KnowsNextDue"/>) is not given a round when its safety-net poll finds nothing due: an idle worker costs
    /// one statement per poll interval. The default has no such query.
    /// </summary>
    protected virtual Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    /// <summary>True when <see cref="NextDueAsync"/> covers everything a round would take, so a poll that finds nothing due
    /// skips the round.</summary>
    protected virtual bool KnowsNextDue => false;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        Stopping = stoppingToken;
        // The round's own token: cancelled a while after the host begins to stop, so work under way can finish.
        using var drained = new CancellationTokenSource();
        await using var drain = stoppingToken.Register(() => drained.CancelAfter(DrainTime));
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            Peers?.Register(GetType().Name, signal);
            var round = true;
            while (!stoppingToken.IsCancellationRequested)
            {
                var more = false;
                if (round)
                {
                    try
                    {
                        more = await RunRoundAsync(drained.Token);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogError(ex, "{Worker} failed a round; trying again in {PollInterval}", GetType().Name, PollInterval);
                    }
                    if (more && Peers is { } peers) await peers.PublishAsync(GetType().Name, drained.Token);
                }
                if (more) continue;
                var (wait, due) = await IdleTimeAsync(drained.Token);
                // Woken by new work, or slept until an item fell due: a round. The safety-net poll with nothing due: the
                // next look only (when the worker can tell).
                round = await signal.WaitAsync(wait, stoppingToken) || due || !KnowsNextDue;
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested || drained.IsCancellationRequested)
        {
            // Stopping, perhaps mid-round: the open transaction rolled back; the next start picks the work up.
        }
    }

    /// <summary>How long to sleep after an idle round or look: until the next item falls due, within 50 ms and the poll
    /// interval; <c>Due</c> when an item falls due by the end of that sleep (a round follows it).</summary>
    private async Task<(TimeSpan Wait, bool Due)> IdleTimeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await NextDueAsync(cancellationToken) is not { } due) return (PollInterval, false);
            var wait = due - DateTimeOffset.UtcNow;
            return wait < MinimumIdle ? (MinimumIdle, true) : wait > PollInterval ? (PollInterval, false) : (wait, true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "{Worker} could not read when its next item is due", GetType().Name);
            return (PollInterval, true);
        }
    }

    private static readonly TimeSpan MinimumIdle = TimeSpan.FromMilliseconds(50);
}
