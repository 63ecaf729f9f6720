using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Operations.Alerts;

/// <summary>
/// Evaluates the alert rules every <see cref="Interval"/>, on one instance of the cluster (the clustered trigger fires once).
/// Not marked DisallowConcurrentExecution, which costs five more statements a fire: two evaluations that overlap (a misfire
/// recovered while one runs) collide on the alerts' and breaches' unique keys, and the second one's result is dropped.
/// </summary>
public sealed class AlertEvaluationJob(IServiceScopeFactory scopes, ILogger<AlertEvaluationJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-evaluation", "operations");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (fired, cleared) = await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(cancellationToken);
        if (fired + cleared > 0) logger.LogInformation("Alerts: {Fired} fired, {Cleared} cleared", fired, cleared);
    }
}
