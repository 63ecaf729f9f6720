using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HyperCrm.Intelligence.Application;

/// <summary>Puts the retrain on the clustered scheduler at start with the configured cron (replacing the stored trigger), or
/// takes it off when the cron is empty.</summary>
public sealed class RetrainScheduler(ISchedulerFactory schedulers, HyperCrm.Framework.Hosting.DatabaseReadiness readiness,
    IOptions<IntelligenceOptions> options, ILogger<RetrainScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            if (string.IsNullOrWhiteSpace(options.Value.RetrainCron))
            {
                await scheduler.DeleteJob(RetrainJob.Key, stoppingToken);
                return;
            }
            var job = JobBuilder.Create<RetrainJob>().WithIdentity(RetrainJob.Key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity("fraud-model-retrain-cron", RetrainJob.Key.Group).ForJob(RetrainJob.Key)
                .WithCronSchedule(options.Value.RetrainCron.Trim())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, stoppingToken);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested
            && ex is OperationCanceledException or ObjectDisposedException or SchedulerException)
        {
            // The host stopped before the scheduler took the job: the next start schedules it.
        }
        catch (Exception ex) when (ex is SchedulerException or FormatException)
        {
            logger.LogWarning("The fraud-risk model's retrain could not be scheduled ({Cron}): {Error}", options.Value.RetrainCron,
                ex.Message);
        }
    }
}
