using System.Collections.Concurrent;
using HyperCrm.Framework.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HyperCrm.Framework.Threading;

/// <summary>
/// Wakes the same worker on the other instances (PostgreSQL LISTEN/NOTIFY on one held connection, channel
/// <see cref="Channel"/>, the worker's name as payload): a worker whose round found more than it could take says so, at most
/// once a second, so idle peers help at once instead of at their next timer. Costs nothing while idle: the connection
/// waits for notifications without a statement. When the connection drops, it is opened again; the workers' own timers
/// cover the gap.
/// </summary>
public sealed class ClusterWakeups(NpgsqlDataSource dataSource, string connectionString, DatabaseReadiness readiness,
    ILogger<ClusterWakeups> logger) : BackgroundService
{
    /// <summary>The listening connection is not pooled: pooled connections are not reset when handed back (no DISCARD ALL),
    /// so a LISTEN must not go back to the pool.</summary>
    private readonly string _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }
        .ConnectionString;

    public const string Channel = "hypercrm_wake";

    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, WakeSignal> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly string _self = Guid.NewGuid().ToString("N");

    /// <summary>The worker named <paramref name="name"/> on this instance wakes when a peer publishes that name.</summary>
    public void Register(string name, WakeSignal signal) => _signals[name] = signal;

    /// <summary>Tells the peers' <paramref name="name"/> workers there is work (throttled; failures are ignored).</summary>
    public async Task PublishAsync(string name, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var last = _published.GetValueOrDefault(name);
        if (now - last < PublishEvery.TotalMilliseconds || !_published.TryUpdate(name, now, last) && !_published.TryAdd(name, now)) return;
        try
        {
            await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.AddWithValue(Channel);
            command.Parameters.AddWithValue(_self + ":" + name);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not wake the peers' {Worker}", name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
                    if (separator < 0 || e.Payload[..separator] == _self) return;
                    if (_signals.TryGetValue(e.Payload[(separator + 1)..], out var signal)) signal.Notify();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "The cluster wake-up connection dropped; opening it again");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
