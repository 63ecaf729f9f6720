using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HyperCrm.Operations.Application;

/// <summary>Degraded while an alert about a backlog, an age or a connector fires (the app serves, but something is piling up).</summary>
public sealed class OperationsHealthCheck(OperationsDbContext db) : IHealthCheck
{
    private static readonly AlertKind[] Degrading = [AlertKind.Backlog, AlertKind.Age, AlertKind.ErrorRate, AlertKind.CircuitOpen];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var firing = await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null && Degrading.Contains(a.Kind))
                .OrderBy(a => a.FiredAt).Select(a => a.RuleName + ": " + a.Subject).Take(5).ToListAsync(cancellationToken);
            return firing.Count == 0
                ? HealthCheckResult.Healthy("No backlog or connector alert fires.")
                : HealthCheckResult.Degraded("Alerts firing: " + string.Join("; ", firing));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The database check says whether the database is there; this one only judges what it can read.
            return HealthCheckResult.Healthy("Alerts could not be read: " + ex.Message);
        }
    }
}
