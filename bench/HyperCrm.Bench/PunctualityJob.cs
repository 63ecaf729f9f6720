using Quartz;

namespace HyperCrm.Bench;

/// <summary>The scheduler benchmark's job: records how late it ran against its scheduled time.</summary>
[DisallowConcurrentExecution]
internal sealed class PunctualityJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.ScheduledFireTimeUtc is { } scheduled)
            SchedulerBench.Lateness.Add(Math.Max(0, (DateTimeOffset.UtcNow - scheduled).TotalMilliseconds));
        return ValueTask.CompletedTask;
    }
}
