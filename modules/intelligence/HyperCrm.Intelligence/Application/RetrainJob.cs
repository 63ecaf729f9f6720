using HyperCrm.Intelligence.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// The scheduled retrain: when people decided about flagged orders since the latest version was trained, a new version
/// learns from them and is promoted only if it does better (<see cref="IRiskModelAppService.RetrainAsync"/>); with nothing
/// new to learn, nothing is trained. A clustered job: one instance trains per fire.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetrainJob(IServiceScopeFactory scopes, ILogger<RetrainJob> logger) : IJob
{
    public static readonly JobKey Key = new("fraud-model-retrain", "intelligence");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>();
            var latest = await db.RiskModels.MaxAsync(m => (DateTimeOffset?)m.TrainedAt, cancellationToken);
            if (latest is null || !await db.RiskLabels.AnyAsync(l => l.At > latest, cancellationToken)) return;
            var trained = await scope.ServiceProvider.GetRequiredService<IRiskModelAppService>().RetrainAsync(cancellationToken);
            logger.LogInformation("Fraud-risk model v{Version} trained on schedule: AUC {Auc}, {Outcome}", trained.Version, trained.Auc,
                trained.Promoted ? "promoted" : "not better than the current one");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next fire tries again.
            logger.LogWarning("The scheduled retrain of the fraud-risk model failed: {Error}", ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The scheduler is shutting down with the host.
        }
    }
}
