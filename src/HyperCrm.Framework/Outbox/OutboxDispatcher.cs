using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Hosting;
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
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled) return;
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var allSources = sources.Distinct().ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(allSources, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox dispatch failed; trying again after the poll interval");
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping mid-drain (the scopes may already be disposed): each batch in flight rolls back and is
                // claimed again at the next start.
                return;
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Drains every module's outbox side by side, each until it is empty: a burst in one module does not queue the
    /// others' events behind it, and an idle outbox costs one look per wake-up instead of one per batch of the busy one.
    /// One drainer per outbox and instance keeps each module's events in order here.
    /// </summary>
    public Task DrainAsync(IReadOnlyList<OutboxSource> allSources, CancellationToken cancellationToken) =>
        Task.WhenAll(allSources.Select(source => DrainSourceAsync(source, cancellationToken)));

    /// <summary>
    /// A drain goes on from where its last batch stopped. A row committed late with an earlier position (its
    /// transaction began before the drain passed it) is not lost: every drain starts from the oldest due row (and its
    /// commit signals the next one), and a drain that never runs dry starts over every <see cref="RescanEvery"/> batches.
    /// </summary>
    private async Task DrainSourceAsync(OutboxSource source, CancellationToken cancellationToken)
    {
        OutboxPosition? position = null;
        for (var batch = 1; !cancellationToken.IsCancellationRequested; batch++)
        {
            var (count, last) = await processor.ProcessBatchAsync(source, position, cancellationToken);
            if (count == 0) return;
            position = batch % RescanEvery == 0 ? null : last;
        }
    }

    /// <summary>Batches of one drain before it looks again from the oldest due row.</summary>
    public const int RescanEvery = 25;
}
