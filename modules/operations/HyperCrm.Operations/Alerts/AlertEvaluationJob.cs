using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Operations.Alerts;

/// <summary>Evaluates the alert rules every <see cref="Interval"/>, on one instance of the cluster at a time.</summary>
[DisallowConcurrentExecution]
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
