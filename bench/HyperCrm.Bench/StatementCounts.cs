using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// Where an order's statements go, from pg_stat_statements (when the cluster preloads it, as bench.sh's does): the calls of
/// each statement of this database between two snapshots, per order, by kind (transaction control, advisory locks, the
/// module's schema the statement touches first) and the heaviest statements as a Markdown table for BENCHMARKS.md. The
/// bench's own polling is among them (a few statements a second).
/// </summary>
internal sealed partial class StatementCounts
{
    private readonly Dictionary<long, (long Calls, string Query)> _calls;

    private StatementCounts(Dictionary<long, (long Calls, string Query)> calls) => _calls = calls;

    public double PerOrder { get; private init; }

    /// <summary>COMMIT statements per order: the transactions that wrote (pg_stat_database's xact_commit also counts every
    /// read sent on its own, each its own implicit transaction).</summary>
    public double WriteCommitsPerOrder { get; private init; }

    public Dictionary<string, double> ByKind { get; private init; } = [];

    public string Table { get; private init; } = string.Empty;

    /// <summary>The counts now, or null when pg_stat_statements is not loaded.</summary>
    public static async Task<StatementCounts?> SnapshotAsync(NpgsqlDataSource db)
    {
        try
        {
            await db.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").ExecuteNonQueryAsync();
            var calls = new Dictionary<long, (long, string)>();
            await using var command = db.CreateCommand("SELECT queryid, sum(calls)::bigint, min(query) FROM pg_stat_statements " +
                "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid IS NOT NULL GROUP BY queryid");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) calls[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetString(2));
            return new StatementCounts(calls);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    /// <summary>What ran since <paramref name="before"/>, per order.</summary>
    public static async Task<StatementCounts?> SinceAsync(NpgsqlDataSource db, StatementCounts before, int orders)
    {
        if (orders == 0 || await SnapshotAsync(db) is not { } after) return null;
        var delta = after._calls.Select(c => (c.Value.Query, Calls: c.Value.Calls - before._calls.GetValueOrDefault(c.Key).Calls))
            .Where(c => c.Calls > 0).OrderByDescending(c => c.Calls).ToList();
        var table = new StringBuilder("| per order | statement |\n|---:|---|\n");
        foreach (var (query, calls) in delta.Take(30))
        {
            var text = WhiteSpace().Replace(query, " ");
            table.Append(CultureInfo.InvariantCulture, $"| {calls / (double)orders:F2} | `{(text.Length > 110 ? text[..110] + "…" : text)
                .Replace("|", "\\|", StringComparison.Ordinal)}` |\n");
        }
        return new StatementCounts(after._calls)
        {
            PerOrder = Math.Round(delta.Sum(c => c.Calls) / (double)orders, 1),
            WriteCommitsPerOrder = Math.Round(delta.Where(c => c.Query.TrimStart().StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase))
                .Sum(c => c.Calls) / (double)orders, 1),
            ByKind = delta.GroupBy(c => KindOf(c.Query)).OrderByDescending(g => g.Sum(c => c.Calls))
                .ToDictionary(g => g.Key, g => Math.Round(g.Sum(c => c.Calls) / (double)orders, 1)),
            Table = table.ToString(),
        };
    }

    private static string KindOf(string query)
    {
        var head = query.TrimStart();
        if (Regex.IsMatch(head, "^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)", RegexOptions.IgnoreCase)) return "transaction";
        if (head.Contains("advisory", StringComparison.OrdinalIgnoreCase)) return "advisory_lock";
        return TableName().Match(query) is { Success: true } m ? m.Groups[1].Value : "other";
    }

    [GeneratedRegex("""(?:FROM|INTO|UPDATE|JOIN)\s+"?([a-z_]+)"?\.""", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
