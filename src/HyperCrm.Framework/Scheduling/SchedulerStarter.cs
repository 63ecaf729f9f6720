using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Framework.Scheduling;

/// <summary>Starts the clustered Quartz scheduler once the database is migrated, and stops it gracefully.</summary>
public sealed class SchedulerStarter(ISchedulerFactory factory, DatabaseReadiness readiness, ILogger<SchedulerStarter> logger) : BackgroundService
{
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            _scheduler = await factory.GetScheduler(stoppingToken);
            await _scheduler.Start(stoppingToken);
            logger.LogInformation("Scheduler {SchedulerName} started as {InstanceId}", _scheduler.SchedulerName, _scheduler.SchedulerInstanceId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is not null) await _scheduler.Shutdown(true, cancellationToken);
    }
}
