using HyperCrm.Framework.Scheduling;
using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyperCrm.Operations.Jobs;

/// <summary>
/// Every job of the clustered Quartz scheduler with its triggers, next and last fire time, last outcome and misfires; and
/// pause, resume and trigger now. The scheduler's store is shared, so what one instance does here every instance sees.
/// </summary>
public sealed class JobConsole(SchedulerStarter starter, OperationsDbContext db, TimeProvider clock)
{
    /// <summary>A trigger whose next fire time is this far past is misfiring (Quartz's own threshold is 60 s).</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = Scheduler();
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, cancellationToken);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken);
        var outcomes = await db.JobOutcomes.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return jobs.Items.Select(j => new ScheduledJob(j.Key.Group, j.Key.Name, j.Description, ShortType(j.JobTypeName),
                triggers.Items.Where(t => t.JobKey.Equals(j.Key))
                    .Select(t => new ScheduledTrigger(t.Key.Group, t.Key.Name, t.TriggerType.ToString(), t.Description, t.NextFireTimeUtc,
                        t.PreviousFireTimeUtc, t.State.ToString(),
                        t.State == TriggerState.Normal && t.NextFireTimeUtc is { } next && now - next > MisfireThreshold))
                    .OrderBy(t => t.NextFireAt).ToList(),
                outcomes.FirstOrDefault(o => o.JobGroup == j.Key.Group && o.JobName == j.Key.Name)))
            .OrderBy(j => j.Group, StringComparer.Ordinal).ThenBy(j => j.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> PauseAsync(string group, string name, CancellationToken cancellationToken)
    {
        var key = await FindAsync(group, name, cancellationToken);
        if (key is null) return false;
        await Scheduler().PauseJob(key, cancellationToken);
        return true;
    }

    public async Task<bool> ResumeAsync(string group, string name, CancellationToken cancellationToken)
    {
        var key = await FindAsync(group, name, cancellationToken);
        if (key is null) return false;
        await Scheduler().ResumeJob(key, cancellationToken);
        return true;
    }

    /// <summary>Fires the job once now, on whichever instance takes it (its schedule is unchanged).</summary>
    public async Task<bool> TriggerNowAsync(string group, string name, CancellationToken cancellationToken)
    {
        var key = await FindAsync(group, name, cancellationToken);
        if (key is null) return false;
        await Scheduler().TriggerJob(key, new JobDataMap(), cancellationToken);
        return true;
    }

    private async Task<JobKey?> FindAsync(string group, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(group) || string.IsNullOrWhiteSpace(name)) return null;
        var key = new JobKey(name, group);
        return await Scheduler().GetJobDetail(key, cancellationToken) is not null ? key : null;
    }

    private IScheduler Scheduler() => starter.Scheduler
        ?? throw new HyperCrm.Framework.Domain.BusinessException("Operations:SchedulerNotRunning",
            "The scheduler is not running on this instance yet; try again in a moment.");

    private static string ShortType(string typeName) => typeName.Split(',')[0].Split('.')[^1];
}
