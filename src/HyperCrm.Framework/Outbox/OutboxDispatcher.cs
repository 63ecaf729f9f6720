using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Framework.Outbox;

/// <summary>Drains every module's outbox: at start (events left by a crash), on each commit signal, and on a slow poll.</summary>
public sealed class OutboxDispatcher(
    OutboxProcessor processor,
    IEnumerable<OutboxSource> sources,
    OutboxSignal signal,
    DatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : SignalledWorker(signal, readiness, logger)
{
    private readonly IReadOnlyList<OutboxSource> _sources = sources.Distinct().ToList();

    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    /// <summary>The earliest next attempt of an event in any outbox (a retry's backoff, a paused consumer's recheck), in one
    /// statement over the queue indexes.</summary>
    protected override Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        processor.NextDueAsync(_sources, cancellationToken);

    protected override bool KnowsNextDue => true;

    /// <summary>A drain goes on until every outbox is empty, so the next one waits for a signal.</summary>
    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        // One look over every outbox first: a wake-up with nothing due (a timer, a commit another drain already took) costs
        // one statement, not a claim per module.
        if (await processor.NextDueAsync(_sources, cancellationToken) is not { } due || due > DateTimeOffset.UtcNow) return false;
        await DrainAsync(_sources, cancellationToken);
        return false;
    }

    /// <summary>
    /// Drains every module's outbox side by side, each until it is empty: a burst in one module does not queue the
    /// others' events behind it, and an idle outbox costs one look per wake-up instead of one per batch of the busy one.
    /// One drainer per outbox and instance keeps each module's events in order here. An outbox found empty while another
    /// is still draining looks again every <see cref="RecheckWhileOthersDrain"/>: events written meanwhile (a consumer of
    /// the busy module's events raising its own) are not held up until the busiest outbox runs dry.
    /// </summary>
    public async Task DrainAsync(IReadOnlyList<OutboxSource> allSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allSources);
        var busy = allSources.Count;
        await Task.WhenAll(allSources.Select(async source =>
        {
            var active = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                var found = await DrainSourceAsync(source, cancellationToken);
                if (found > 0)
                {
                    if (!active) Interlocked.Increment(ref busy);
                    active = true;
                    continue;
                }
                if (active)
                {
                    active = false;
                    if (Interlocked.Decrement(ref busy) == 0) return;
                }
                else if (Volatile.Read(ref busy) == 0)
                {
                    return;
                }
                await Task.Delay(RecheckWhileOthersDrain, cancellationToken);
            }
        }));
    }

    /// <summary>How often an empty outbox looks again while another one is still draining.</summary>
    public static readonly TimeSpan RecheckWhileOthersDrain = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A drain goes on from where its last batch stopped, until a batch comes back short of full. A row committed late
    /// with an earlier position (its transaction began before the drain passed it) is not lost: every drain starts from
    /// the oldest due row (and its commit signals the next one), and a drain that never runs dry starts over every
    /// <see cref="RescanEvery"/> batches.
    /// Returns how many rows it settled.
    /// </summary>
    private async Task<int> DrainSourceAsync(OutboxSource source, CancellationToken cancellationToken)
    {
        OutboxPosition? position = null;
        var settled = 0;
        for (var batch = 1; !cancellationToken.IsCancellationRequested; batch++)
        {
            var (count, last) = await processor.ProcessBatchAsync(source, position, cancellationToken);
            settled += count;
            // A batch short of full took what was due: the caller looks again from the oldest due row (a cheap look when empty).
            if (count < options.Value.BatchSize) return settled;
            position = batch % RescanEvery == 0 ? null : last;
        }
        return settled;
    }

    /// <summary>Batches of one drain before it looks again from the oldest due row.</summary>
    public const int RescanEvery = 25;
}
