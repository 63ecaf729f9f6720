using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HyperCrm.Web.Hosting.Health;

/// <summary>Every migration is applied and the seed ran (what the start-up check found), else why not.</summary>
public sealed class MigrationsHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Migrated and seeded.")
            : HealthCheckResult.Unhealthy(readiness.Reason));
}
