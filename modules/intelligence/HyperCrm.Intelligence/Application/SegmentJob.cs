using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Intelligence.Application;

/// <summary>The nightly pass over every customer who ordered: segments age with the window (a clustered job, one instance per
/// fire).</summary>
[DisallowConcurrentExecution]
public sealed class SegmentJob(IServiceScopeFactory scopes, ILogger<SegmentJob> logger) : IJob
{
    public static readonly JobKey Key = new("customer-segments", "intelligence");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var moved = await scope.ServiceProvider.GetRequiredService<SegmentService>().RecomputeAllAsync(cancellationToken);
            logger.LogInformation("Customer segments recomputed: {Moved} customers moved", moved);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next fire tries again; the per-order recompute keeps segments current meanwhile.
            logger.LogWarning("The nightly segment pass failed: {Error}", ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The scheduler is shutting down with the host.
        }
    }
}
