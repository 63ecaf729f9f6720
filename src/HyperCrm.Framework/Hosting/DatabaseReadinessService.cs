using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Hosting;

/// <summary>Checks the database until it is reachable and migrated, then seeds and declares the app ready.</summary>
public sealed class DatabaseReadinessService(
    IServiceScopeFactory scopeFactory,
    DatabaseReadiness readiness,
    DataSeeder seeder,
    ILogger<DatabaseReadinessService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? lastReason = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var pending = await scope.ServiceProvider.GetRequiredService<IDatabaseSchemaChecker>()
                    .GetPendingMigrationsAsync(stoppingToken);
                if (pending.Count == 0)
                {
                    await seeder.SeedAsync(stoppingToken);
                    readiness.MarkReady();
                    logger.LogInformation("Database is migrated and seeded; the app is ready");
                    return;
                }
                Report($"The database schema is behind: {pending.Count} migration(s) pending ({string.Join(", ", pending)}). " +
                       "Apply them with `dotnet HyperCrm.Web.dll --migrate` (run.sh does this).");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Report($"The database is not reachable: {ex.GetType().Name}: {ex.Message}");
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped before the database was ready: the next start checks again.
                return;
            }
            try { await Task.Delay(RetryInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }

        void Report(string reason)
        {
            readiness.MarkNotReady(reason);
            if (reason != lastReason) logger.LogError("Not serving: {Reason}", reason);
            lastReason = reason;
        }
    }
}
