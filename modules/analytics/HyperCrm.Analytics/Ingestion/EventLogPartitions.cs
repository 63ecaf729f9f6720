using System.Collections.Concurrent;
using System.Globalization;
using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Mining;
using Npgsql;

namespace HyperCrm.Analytics.Ingestion;

/// <summary>
/// The event log's monthly partitions: a month's is created, on its own connection and committed at once, before the first
/// entry of that month is written, so a writer's rolled-back transaction never takes a partition with it. Two instances may
/// race to create one: an advisory lock lets one do it and the other find it there.
/// </summary>
public sealed class EventLogPartitions(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    public async Task EnsureAsync(IEnumerable<DateTimeOffset> times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(times);
        foreach (var month in times.Select(EdgeDurations.MonthOf).Distinct())
        {
            if (_known.ContainsKey(month)) continue;
            await CreateAsync(month, cancellationToken);
            _known[month] = true;
        }
    }

    /// <summary>The partition's name, e.g. <c>events_2026_11</c>.</summary>
    public static string NameOf(DateOnly month) => $"events_{month.Year:D4}_{month.Month:D2}";

    private async Task CreateAsync(DateOnly month, CancellationToken cancellationToken)
    {
        const string schema = AnalyticsDbContext.DbSchema;
        var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('analytics.partitions'))", connection,
                         transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        // Names and bounds come from a DateOnly, never from input.
        await using (var command = new NpgsqlCommand($"""
            CREATE TABLE IF NOT EXISTS {schema}.{NameOf(month)} PARTITION OF {schema}.events
                FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')
            """, connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
