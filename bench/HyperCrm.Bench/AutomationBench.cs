using System.Diagnostics;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// The automation engine's figures: condition evaluations per second on one core beside the same condition as a C#
/// lambda, and trivial runs (one condition, one side-effect-free action) started from real events through the outbox,
/// every run and step durably recorded, with commits per run.
/// </summary>
internal static class AutomationBench
{
    private const string Condition = "order.total > 50000 && contains(customer.tags, 'vip') && order.currency == 'RUB'";

    public static Dictionary<string, object?> Conditions(TextWriter log)
    {
        var fields = new Dictionary<string, FieldType> { ["order.total"] = FieldType.Number, ["customer.tags"] = FieldType.List,
            ["order.currency"] = FieldType.Text };
        var compiled = ExpressionCompiler.Compile(Condition, fields);
        var slots = new object?[] { 72000m, new[] { "wholesale", "vip" }, "RUB" };
        Func<object?[], bool> lambda = s => (decimal?)s[0] > 50000m && ExpressionFunctions.ListContains((string[]?)s[1],
            "vip") && string.Equals((string?)s[2], "RUB", StringComparison.OrdinalIgnoreCase);
        var now = DateTimeOffset.UtcNow;
        const int n = 5_000_000;
        // Warm both, then time each on this thread (one core).
        for (var i = 0; i < 100_000; i++)
        {
            compiled.Evaluate(slots, now);
            lambda(slots);
        }
        var hits = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) if (compiled.Evaluate(slots, now) is true) hits++;
        var compiledPerSecond = n / watch.Elapsed.TotalSeconds;
        watch.Restart();
        for (var i = 0; i < n; i++) if (lambda(slots)) hits++;
        var lambdaPerSecond = n / watch.Elapsed.TotalSeconds;
        var values = new Dictionary<string, object?> { ["order.total"] = 72000m, ["customer.tags"] = new[] { "wholesale", "vip" },
            ["order.currency"] = "RUB" };
        const int m = 1_000_000;
        watch.Restart();
        for (var i = 0; i < m; i++) if (compiled.Evaluate(values, now, fields) is true) hits++;
        var dictionaryPerSecond = m / watch.Elapsed.TotalSeconds;
        log.WriteLine($"conditions: compiled {compiledPerSecond:N0}/s, C# lambda {lambdaPerSecond:N0}/s (ratio " +
            $"{lambdaPerSecond / compiledPerSecond:F2}), from run data {dictionaryPerSecond:N0}/s ({hits} hits)");
        return new Dictionary<string, object?>
        {
            ["condition_evals_per_s"] = Math.Round(compiledPerSecond),
            ["condition_lambda_evals_per_s"] = Math.Round(lambdaPerSecond),
            ["condition_lambda_to_compiled_ratio"] = Math.Round(lambdaPerSecond / compiledPerSecond, 2),
            ["condition_evals_from_run_data_per_s"] = Math.Round(dictionaryPerSecond),
        };
    }

    /// <summary>Publishes a trivial rule, writes <paramref name="events"/> trigger events into an outbox at once, and times until every run
    /// completed.</summary>
    public static async Task<Dictionary<string, object?>> TrivialRunsAsync(IServiceProvider services, NpgsqlDataSource db, int events,
        TextWriter log)
    {
        // A database reused from an earlier run keeps its bench rule: only this run's rule may fire.
        await db.CreateCommand("UPDATE automation.rules SET is_enabled = false WHERE name LIKE 'bench: trivial%'").ExecuteNonQueryAsync();
        Guid ruleId;
        await using (var scope = services.CreateAsyncScope())
        {
            var rules = scope.ServiceProvider.GetRequiredService<IRuleAppService>();
            var rule = await rules.CreateAsync($"bench: trivial {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}", null, new RuleDefinitionDto
            {
                Trigger = "customers.customer.merged",
                Condition = "event.winnerId != event.loserId",
                Steps = [new StepDto { Id = "log", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "merged {{event.loserId}}" } }],
            });
            await rules.PublishAsync(rule.Id, null, acceptLoopRisk: false);
            ruleId = rule.Id;
        }
        // Every instance on this database (the app too) caches active rules for 2 s: let them all see the new one.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await CommitsAsync(db);
        DateTime inserted;
        await using (var insert = db.CreateCommand($"""
                         INSERT INTO customers.outbox_messages (id, event_name, payload, occurred_at, attempts, next_attempt_at)
                         SELECT gen_random_uuid(), 'customers.customer.merged',
                                jsonb_build_object('winnerId', gen_random_uuid(), 'loserId', gen_random_uuid()), now(), 0, now()
                         FROM generate_series(1, {events})
                         RETURNING now()
                         """))
            inserted = (DateTime)(await insert.ExecuteScalarAsync())!;
        var watch = Stopwatch.StartNew();
        services.GetRequiredService<OutboxSignal>().Notify();
        // Progress is read twice a second (a count is not free for the database); the rate comes from the runs' own
        // finishing times, so the polling does not round it.
        long completed = 0;
        var lastProgress = watch.Elapsed;
        var seconds = 0.0;
        while (watch.Elapsed < TimeSpan.FromMinutes(10) && watch.Elapsed - lastProgress < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(500);
            await using var count =
                db.CreateCommand("SELECT count(*), max(finished_at) FROM automation.runs WHERE rule_id = $1 AND state = 'Completed'");
            count.Parameters.Add(new NpgsqlParameter { Value = ruleId });
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            var now = reader.GetInt64(0);
            if (now > completed)
            {
                completed = now;
                lastProgress = watch.Elapsed;
                seconds = (reader.GetDateTime(1) - inserted).TotalSeconds;
            }
            if (completed >= events) break;
        }
        var commits = await CommitsAsync(db) - before;
        await using var steps =
            db.CreateCommand("SELECT count(*) FROM automation.run_steps s JOIN automation.runs r ON r.id = s.run_id WHERE r.rule_id = $1");
        steps.Parameters.Add(new NpgsqlParameter { Value = ruleId });
        var stepRows = (long)(await steps.ExecuteScalarAsync())!;
        log.WriteLine($"trivial runs: {completed} of {events} in {seconds:F1} s = {completed / seconds:F0}/s, " +
            $"{commits / (double)Math.Max(1, completed):F2} commits per run, {stepRows} step rows");
        return new Dictionary<string, object?>
        {
            ["trivial_runs"] = completed,
            ["trivial_runs_per_s"] = Math.Round(completed / seconds, 1),
            ["trivial_run_commits_per_run"] = completed == 0 ? null : Math.Round(commits / (double)completed, 2),
            ["trivial_run_step_rows"] = stepRows,
            ["n8n_published_executions_per_s"] = 220,
        };
    }

    private static async Task<long> CommitsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
