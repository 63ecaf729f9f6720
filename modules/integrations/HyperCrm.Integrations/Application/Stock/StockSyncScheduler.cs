using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HyperCrm.Integrations.Application;

/// <summary>Puts the stock sync on the clustered scheduler at start (replacing the stored trigger), or takes it off when the interval is
/// zero.</summary>
public sealed class StockSyncScheduler(ISchedulerFactory schedulers, HyperCrm.Framework.Hosting.DatabaseReadiness readiness,
    IOptions<IntegrationsOptions> options,
    ILogger<StockSyncScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            var interval = options.Value.StockSyncInterval;
            if (interval <= TimeSpan.Zero || !options.Value.WorkersEnabled)
            {
                await scheduler.DeleteJob(StockSyncJob.Key, stoppingToken);
                return;
            }
            var job = JobBuilder.Create<StockSyncJob>().WithIdentity(StockSyncJob.Key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity("erp-stock-sync-every", StockSyncJob.Key.Group).ForJob(StockSyncJob.Key)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, stoppingToken);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested
            && ex is OperationCanceledException or ObjectDisposedException or SchedulerException)
        {
            // The host stopped before the scheduler took the job: the next start schedules it.
        }
        catch (SchedulerException ex)
        {
            logger.LogWarning("The ERP stock sync could not be scheduled: {Error}", ex.Message);
        }
    }
}
