using System.Collections.Concurrent;
using HyperCrm.Framework.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HyperCrm.Bench;

/// <summary>
/// The clustered scheduler's punctuality: <c>schedules</c> triggers firing every second for <c>seconds</c> on the PostgreSQL
/// job store, as the app configures it; each fire's lateness is the time it ran minus its scheduled time.
/// </summary>
internal static class SchedulerBench
{
    /// <summary>Each fire's lateness in milliseconds, as <see cref="PunctualityJob"/> records it.</summary>
    public static readonly ConcurrentBag<double> Lateness = [];

    public static async Task<Dictionary<string, object?>> RunAsync(IServiceProvider services, int schedules, int seconds, TextWriter log)
    {
        var scheduler = services.GetRequiredService<SchedulerStarter>().Scheduler
                        ?? await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        while (services.GetRequiredService<SchedulerStarter>().Scheduler is null) await Task.Delay(50);
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        start = start.AddTicks(-(start.UtcTicks % TimeSpan.TicksPerSecond));
        var keys = new List<JobKey>();
        for (var i = 0; i < schedules; i++)
        {
            var key = new JobKey($"punctuality-{i}", "bench");
            keys.Add(key);
            var job = JobBuilder.Create<PunctualityJob>().WithIdentity(key).Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"punctuality-{i}", "bench").ForJob(key).StartAt(start)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(seconds - 1)).Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true });
        }
        log.WriteLine($"[bench] {schedules} schedules firing every second for {seconds} s");
        var expected = schedules * seconds;
        var deadline = start.AddSeconds(seconds + 30);
        while (Lateness.Count < expected && DateTimeOffset.UtcNow < deadline) await Task.Delay(500);
        foreach (var key in keys) await scheduler.DeleteJob(key);
        var late = Lateness.ToList();
        var within = late.Count(ms => ms <= 250);
        return new Dictionary<string, object?>
        {
            ["scheduler_schedules"] = schedules,
            ["scheduler_fires_expected"] = expected,
            ["scheduler_fires"] = late.Count,
            ["scheduler_on_time_250ms_share"] = expected == 0 ? null : Math.Round(within / (double)expected, 4),
            ["scheduler_lateness_p50_ms"] = Percentiles.Of(late, 50),
            ["scheduler_lateness_p99_ms"] = Percentiles.Of(late, 99),
            ["scheduler_lateness_max_ms"] = late.Count == 0 ? null : Math.Round(late.Max(), 1),
        };
    }
}
