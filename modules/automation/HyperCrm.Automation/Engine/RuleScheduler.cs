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
            cron = (await db.RuleVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Definition).FirstAsync(cancellationToken)).Schedule?.Trim();
        if (cron is null)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }
        var job = JobBuilder.Create<ScheduledRuleJob>().WithIdentity(key).UsingJobData(ScheduledRuleJob.RuleIdKey, ruleId.ToString()).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"rule-{ruleId}", Group).ForJob(key)
            .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}

/// <summary>
/// Starts a run of a schedule rule. The run's event id is derived from the rule and the scheduled time, so a
/// fire Quartz repeats after a crash cannot start a second run (one run per rule and event).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledRuleJob(AutomationDbContext db, RunStarter starter, RunSignal signal) : IJob
{
    public const string RuleIdKey = "ruleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ruleId = Guid.Parse(context.MergedJobDataMap.GetString(RuleIdKey)!);
        var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is not { IsEnabled: true, ActiveVersionId: { } versionId, ActiveVersionNumber: { } version }) return;
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var eventId = DeterministicId(ruleId, firedFor);
        if (await db.Runs.AnyAsync(r => r.RuleId == ruleId && r.EventId == eventId, cancellationToken)) return;
        var (_, needsWorker) = await starter.StartAsync(new ActiveRule(ruleId, rule.Name, versionId, version), AutomationCatalog.ScheduleTrigger, eventId, null, null,
            $"scheduled for {firedFor:u}", new Dictionary<string, object?> { ["schedule.fired_at"] = firedFor }, depth: 1, keepSkipped: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (needsWorker) signal.Notify();
    }

    private static Guid DeterministicId(Guid ruleId, DateTimeOffset at)
    {
        var bytes = ruleId.ToByteArray();
        var ticks = BitConverter.GetBytes(at.UtcTicks);
        for (var i = 0; i < ticks.Length; i++) bytes[8 + i] ^= ticks[i];
        return new Guid(bytes);
    }
}
