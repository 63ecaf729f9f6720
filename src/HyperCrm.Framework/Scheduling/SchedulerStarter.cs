using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Framework.Scheduling;

/// <summary>Starts the clustered Quartz scheduler once the database is migrated, and stops it gracefully.</summary>
public sealed class SchedulerStarter(ISchedulerFactory factory, DatabaseReadiness readiness,
    ILogger<SchedulerStarter> logger) : BackgroundService
{
    private IScheduler? _scheduler;
    private Task? _shutdown;

    /// <summary>The scheduler once it has started (null before), for the health check and the operations console.</summary>
    public IScheduler? Scheduler { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            _scheduler = await factory.GetScheduler(stoppingToken);
            await _scheduler.Start(stoppingToken);
            Scheduler = _scheduler;
            logger.LogInformation("Scheduler {SchedulerName} started as {InstanceId}", _scheduler.SchedulerName,
                _scheduler.SchedulerInstanceId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <remarks>
    /// The host may be stopped twice at once (the app's own <c>RunAsync</c> on shutdown and whoever called
    /// <c>StopAsync</c>, as a test host does). Both callers wait for the one shutdown: had the second returned at once,
    /// its caller would dispose the services while Quartz, still shutting down for the first, was using them.
    /// </remarks>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var scheduler = _scheduler;
        if (scheduler is null) return;
        var shutdown = LazyInitializer.EnsureInitialized(ref _shutdown, () => scheduler.Shutdown(true, CancellationToken.None).AsTask());
        await shutdown.WaitAsync(cancellationToken);
    }
}
