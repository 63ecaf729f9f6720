using HyperCrm.Framework.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace HyperCrm.Web.Hosting.Health;

/// <summary>The clustered Quartz scheduler of this instance has started and is not shut down or on standby.</summary>
public sealed class SchedulerHealthCheck(SchedulerStarter starter) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (starter.Scheduler is not { } scheduler) return HealthCheckResult.Unhealthy("The scheduler has not started yet.");
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"The scheduler runs as {scheduler.SchedulerInstanceId}.")
            : HealthCheckResult.Unhealthy($"The scheduler is {status}.");
    }
}
