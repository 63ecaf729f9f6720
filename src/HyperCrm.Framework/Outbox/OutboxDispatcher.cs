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

    public async Task DrainAsync(IReadOnlyList<OutboxSource> allSources, CancellationToken cancellationToken)
    {
        bool any;
        do
        {
            any = false;
            foreach (var source in allSources)
                any |= await processor.ProcessBatchAsync(source, cancellationToken) > 0;
        }
        while (any && !cancellationToken.IsCancellationRequested);
    }
}
