using System.Reflection;
using HyperCrm.Framework.Hosting;
using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Operations.Instances;

/// <summary>
/// This instance's line in operations.instances: written at start and every <see cref="Interval"/> (one statement), and
/// marked stopped on a clean stop. An instance whose line is older than a few intervals and not stopped is gone (killed,
/// or cut off from the database).
/// </summary>
public sealed class InstanceHeartbeat(IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>No heartbeat for this long (and no clean stop): the instance is gone.</summary>
    public static readonly TimeSpan GoneAfter = TimeSpan.FromSeconds(90);

    private static readonly string Version =
        typeof(InstanceHeartbeat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } v
            ? v.Split('+')[0] : "dev";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                await BeatAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync marks the line.
        }
    }

    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var me = InstanceIdentity.Current;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO operations.instances (id, name, host, process_id, version, started_at, last_seen_at)
                VALUES ({me.Id}, {me.Name}, {Environment.MachineName}, {Environment.ProcessId}, {Version}, {me.StartedAt},
                    {clock.GetUtcNow()})
                ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at, stopped_at = NULL
                """, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("The instance heartbeat failed: {Error}", ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!readiness.IsReady) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
            var id = InstanceIdentity.Current.Id;
            await db.Instances.Where(i => i.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.StoppedAt, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException or InvalidOperationException
                                       or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogInformation("The instance's clean stop was not recorded: {Error}", ex.Message);
        }
    }
}
