using HyperCrm.Automation.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Keeps one clustered Quartz job per enabled schedule rule, in step with its active version: publishing, rolling
/// back, enabling or disabling a rule calls <see cref="SyncAsync"/>. Quartz fires each trigger once per cluster.
/// </summary>
public sealed class RuleScheduler(ISchedulerFactory schedulers, AutomationDbContext db)
{
    public const string Group = "automation";

    public async Task SyncAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey($"rule-{ruleId}", Group);
        string? cron = null;
        if (rule is { IsEnabled: true, ActiveTrigger: AutomationCatalog.ScheduleTrigger, ActiveVersionId: { } versionId })
            cron = (await db.RuleVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Definition)
                .FirstAsync(cancellationToken)).Schedule?.Trim();
        if (cron is null)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }
        var job = JobBuilder.Create<ScheduledRuleJob>().WithIdentity(key).UsingJobData(ScheduledRuleJob.RuleIdKey,
            ruleId.ToString()).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"rule-{ruleId}", Group).ForJob(key)
            .WithCronSchedule(cron,
                c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
