using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// Puts the module's nightly jobs on the clustered scheduler at start with their configured crons (replacing the stored
/// triggers): the fraud-risk model's retrain and the customer-segment pass; an empty cron takes its job off.
/// </summary>
public sealed class IntelligenceScheduler(ISchedulerFactory schedulers, HyperCrm.Framework.Hosting.DatabaseReadiness readiness,
    IOptions<IntelligenceOptions> options, ILogger<IntelligenceScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            await ScheduleAsync<RetrainJob>(scheduler, RetrainJob.Key, options.Value.RetrainCron, stoppingToken);
            await ScheduleAsync<SegmentJob>(scheduler, SegmentJob.Key, options.Value.SegmentsCron, stoppingToken);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested
            && ex is OperationCanceledException or ObjectDisposedException or SchedulerException)
        {
            // The host stopped before the scheduler took the jobs: the next start schedules them.
        }
    }

    private async Task ScheduleAsync<TJob>(IScheduler scheduler, JobKey key, string? cron, CancellationToken cancellationToken)
        where TJob : IJob
    {
        try
        {
            if (string.IsNullOrWhiteSpace(cron))
            {
                await scheduler.DeleteJob(key, cancellationToken);
                return;
            }
            var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name + "-cron", key.Group).ForJob(key)
                .WithCronSchedule(cron.Trim())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
        catch (Exception ex) when (ex is FormatException || (ex is SchedulerException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("The job {Job} could not be scheduled ({Cron}): {Error}", key.Name, cron, ex.Message);
        }
    }
}
