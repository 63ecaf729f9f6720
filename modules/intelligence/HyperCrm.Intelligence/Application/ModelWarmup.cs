using HyperCrm.Framework.Hosting;
using HyperCrm.Intelligence.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// Loads (or first trains) the fraud-risk model in the background as the app starts, so the first order's scoring step does
/// not hold its run for the seconds a training takes. (The triage model trains on the first message instead: messages
/// are rarer than orders, and reading one is an event handler, not a run's step.)
/// </summary>
public sealed class ModelWarmup(IServiceScopeFactory scopes, RiskModelRegistry risk, DatabaseReadiness readiness,
    ILogger<ModelWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await risk.CurrentAsync(scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The first order scored loads it instead.
            logger.LogWarning("Loading the fraud-risk model at start failed: {Error}", ex.Message);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before it was ready.
        }
    }
}
