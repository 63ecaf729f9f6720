using Npgsql;

namespace HyperCrm.Chaos;

/// <summary>
/// What the two-instance scenario checks in the database once the orders are done: every event written by any module was
/// handled by all its consumers (no outbox row left, none dead-lettered), no run was left leased or failed, the bots did
/// work and none of their jobs was left queued, running or handed to a person, each instance reported itself, and the
/// survivor is alive. (That each bot job's purchase order was placed once is the supplier ledger's check, in Checks.)
/// </summary>
public static class ClusterChecks
{
    public sealed record Result(long Unhandled, long DeadLetters, long RunsUnfinished, long BotJobsDone, long BotJobsUnfinished,
        IReadOnlyList<string> Alive, IReadOnlyList<string> Seen)
    {
        public bool Passed(string killed, string survivor) => Unhandled == 0 && DeadLetters == 0 && RunsUnfinished == 0
            && BotJobsDone > 0 && BotJobsUnfinished == 0 && Seen.Contains(killed) && Seen.Contains(survivor) && Alive.Contains(survivor);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for the outboxes to drain and the runs to end, then reads the result.</summary>
    public static async Task<Result> VerifyAsync(string connectionString, TimeSpan timeout)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        var schemas = await SchemasAsync(data);
        var deadline = DateTime.UtcNow + timeout;
        Result result;
        while (true)
        {
            result = await ReadAsync(data, schemas);
            if (result.Unhandled == 0 && result.RunsUnfinished == 0 && result.BotJobsUnfinished == 0) return result;
            if (DateTime.UtcNow > deadline)
            {
                await ExplainAsync(data, schemas);
                return result;
            }
            await Task.Delay(2000);
        }
    }

    /// <summary>What is left, for the log: each unhandled event with its attempts, next attempt and last error.</summary>
    private static async Task ExplainAsync(NpgsqlDataSource data, IReadOnlyList<string> schemas)
    {
        var sql = string.Join(" UNION ALL ", schemas.Select(s =>
            $"(SELECT '{s}' AS schema, event_name, attempts, next_attempt_at, coalesce(last_error, '') AS error " +
            $"FROM \"{s}\".outbox_messages WHERE processed_at IS NULL LIMIT 5)"));
        await using var command = data.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.Error.WriteLine($"[chaos]   unhandled: {reader.GetString(0)} {reader.GetString(1)} attempts {reader.GetInt32(2)} " +
                $"next {reader.GetFieldValue<DateTimeOffset>(3):O} {reader.GetString(4)}");
        }
    }

    /// <summary>Every module's schema with an outbox (and its dead letters), as the database has them: a new module is
    /// checked too.</summary>
    private static async Task<IReadOnlyList<string>> SchemasAsync(NpgsqlDataSource data)
    {
        var schemas = new List<string>();
        await using var command = data.CreateCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages' ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));
        return schemas;
    }

    private static async Task<Result> ReadAsync(NpgsqlDataSource data, IReadOnlyList<string> schemas)
    {
        var unhandled = await ScalarAsync(data, string.Join(" + ", schemas.Select(s =>
            $"(SELECT count(*) FROM \"{s}\".outbox_messages WHERE processed_at IS NULL)")));
        var dead = await ScalarAsync(data, string.Join(" + ", schemas.Select(s => $"(SELECT count(*) FROM \"{s}\".dead_letters)")));
        // Runs still moving (the order's whole playbook is done once it completed); waits for an event that will not come
        // (a later step the order no longer needs) are not counted.
        var runs = await ScalarAsync(data,
            "SELECT count(*) FROM automation.runs WHERE state IN ('Pending', 'Running', 'Compensating', 'DeadLettered')");
        var botsDone = await ScalarAsync(data, "SELECT count(*) FROM robots.bot_jobs WHERE state IN ('Succeeded', 'Shared')");
        var botsUnfinished = await ScalarAsync(data,
            "SELECT count(*) FROM robots.bot_jobs WHERE state IN ('Queued', 'Running', 'NeedsPerson') AND NOT is_test");
        var alive = new List<string>();
        var seen = new List<string>();
        await using (var command = data.CreateCommand(
                         "SELECT name, stopped_at IS NULL AND last_seen_at > now() - interval '60 seconds' FROM operations.instances"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seen.Add(reader.GetString(0));
                if (reader.GetBoolean(1)) alive.Add(reader.GetString(0));
            }
        }
        return new Result(unhandled, dead, runs, botsDone, botsUnfinished, alive, seen);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql.StartsWith("SELECT", StringComparison.Ordinal) ? sql : "SELECT " + sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
