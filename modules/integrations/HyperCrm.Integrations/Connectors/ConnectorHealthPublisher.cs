using HyperCrm.Framework.Hosting;
using HyperCrm.Integrations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// Publishes this instance's connector health (<see cref="ConnectorHealthRegistry"/>) to integrations.connector_health every
/// <see cref="Interval"/>, so every instance and the operations console see every instance's calls and circuits. A
/// connector nobody called is not written (an idle app writes nothing); an open circuit is re-published while it lasts.
/// </summary>
public sealed class ConnectorHealthPublisher(ConnectorHealthRegistry health, IServiceScopeFactory scopes, DatabaseReadiness readiness,
    TimeProvider clock, ILogger<ConnectorHealthPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (long Calls, string Circuit, DateTimeOffset At)> _published = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await PublishAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Writes what changed since the last time; returns how many connectors it wrote.</summary>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = health.Names.Select(name => (Name: name, State: health.Snapshot(name)))
            .Where(c => !_published.TryGetValue(c.Name, out var last) || last.Calls != c.State.Calls || last.Circuit != c.State.CircuitState
                        || (c.State.CircuitState != "Closed" && now - last.At >= Interval))
            .ToList();
        if (due.Count == 0) return 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var instance = InstanceIdentity.Current;
            foreach (var (name, s) in due)
            {
                var recentFailures = (int)Math.Round(s.ErrorRate * s.RecentCalls);
                var error = s.LastError is { Length: > 500 } text ? text[..500] : s.LastError;
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO integrations.connector_health AS h (connector, instance_id, instance_name, calls, failures, recent_calls,
                        recent_failures, last_success, last_failure, last_error, circuit_state, updated_at)
                    VALUES ({name}, {instance.Id}, {instance.Name}, {(long)s.Calls}, {(long)s.Failures}, {s.RecentCalls}, {recentFailures},
                        {s.LastSuccess}, {s.LastFailure}, {error}, {s.CircuitState}, {now})
                    ON CONFLICT (connector, instance_id) DO UPDATE SET calls = excluded.calls, failures = excluded.failures,
                        recent_calls = excluded.recent_calls, recent_failures = excluded.recent_failures,
                            last_success = excluded.last_success,
                        last_failure = excluded.last_failure, last_error = excluded.last_error, circuit_state = excluded.circuit_state,
                        updated_at = excluded.updated_at
                    """, cancellationToken);
                _published[name] = (s.Calls, s.CircuitState, now);
            }
            return due.Count;
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning("Publishing connector health failed: {Error}", ex.Message);
            return 0;
        }
    }
}
