using HyperCrm.Automation.Data;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyperCrm.Automation.Engine;

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
        var (_, needsWorker) = await starter.StartAsync(new ActiveRule(ruleId, rule.Name, versionId, version),
            AutomationCatalog.ScheduleTrigger, eventId, null, null,
            Message.Of("Automation:Run:Scheduled"), new Dictionary<string, object?> { ["schedule.fired_at"] = firedFor }, depth: 1,
                keepSkipped: true, cancellationToken);
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
