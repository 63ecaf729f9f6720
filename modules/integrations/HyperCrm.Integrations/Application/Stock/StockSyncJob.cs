using HyperCrm.Integrations.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Integrations.Application;

/// <summary>
/// Keeps products and stock in step with the ERP on a schedule (Settings → Integrations also syncs on demand): a
/// clustered Quartz job, so several instances read the ERP once per interval between them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StockSyncJob(IServiceScopeFactory scopes, ILogger<StockSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("erp-stock-sync", "integrations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<IConnectorAppService>().SyncStockAsync(cancellationToken);
            logger.LogInformation("Stock sync: {Summary}", summary);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next fire tries again; the health view shows the connector's errors meanwhile.
            logger.LogWarning("Stock sync with the ERP failed: {Error}", ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The scheduler is shutting down with the host.
        }
    }
}
