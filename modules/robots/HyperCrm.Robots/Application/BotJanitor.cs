using HyperCrm.Framework.Hosting;
using HyperCrm.Robots.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Robots.Application;

/// <summary>Deletes screenshots older than <c>Robots:ScreenshotRetention</c>, hourly (the step logs stay).</summary>
public sealed class BotJanitor(IServiceScopeFactory scopes, IOptions<RobotsOptions> options, DatabaseReadiness readiness,
    TimeProvider clock, ILogger<BotJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RobotsDbContext>();
            var before = clock.GetUtcNow() - options.Value.ScreenshotRetention;
            return await db.Screenshots.Where(s => s.TakenAt < before).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Deleting old bot screenshots failed: {Error}", ex.Message);
            return 0;
        }
    }
}
