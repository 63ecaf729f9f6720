using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperCrm.Chaos;

/// <summary>
/// The fault suite (etc/scripts/chaos.sh): for each scenario, retrying partners place orders through the public API while
/// a fault is injected; once the system has recovered, every placed order must exist once and reach <c>completed</c>, every
/// side effect in the outside world must have happened once, and the partner's receiver must have every
/// <c>order.completed</c>. Prints a table and, last, one JSON line. Exit code 1 when any scenario fails.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var shortForm = args.Contains("--short");
        if (args.Contains("--cluster")) return await ClusterAsync(shortForm);
        var only = args.SkipWhile(a => a != "--scenario").Skip(1).FirstOrDefault();
        var baseUrl = Env("CHAOS_APP_URL");
        var orders = int.Parse(Environment.GetEnvironmentVariable("CHAOS_ORDERS") ?? (shortForm ? "30" : "120"),
            CultureInfo.InvariantCulture);
        using var app = new AppProcess(Env("CHAOS_APP_DLL"), Env("CHAOS_WORKDIR"), baseUrl, Env("CHAOS_APP_LOG"));
        using var receiver = new WebhookReceiver(int.Parse(Env("CHAOS_RECEIVER_PORT"), CultureInfo.InvariantCulture));
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Env("CHAOS_API_KEY"));
        using var sandbox = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var fault = new Fault(app, Env("CHAOS_PG_RESTART"), sandbox, receiver);
        var checks = new Checks(api, sandbox);

        app.Start();
        await app.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var subscribed = await api.PostAsync("/api/v1/webhooks/subscriptions", new StringContent(JsonSerializer.Serialize(new
        {
            url = receiver.Url, events = new[] { "order.completed" },
        }), Encoding.UTF8, "application/json"));
        if (!subscribed.IsSuccessStatusCode) throw new InvalidOperationException("Subscribing the receiver failed: " +
            await subscribed.Content.ReadAsStringAsync());

        var outage = shortForm ? 10 : 30;
        Scenario[] all =
        [
            new("kill9", "app kill -9, restarted", async f =>
            {
                f.App.Kill();
                await Task.Delay(1000);
                f.App.Start();
            }),
            new("pgrestart", "PostgreSQL immediate restart", f => f.RestartPostgresAsync()),
            new("erpdown", $"ERP down {(shortForm ? 20 : 60)} s", f => f.SimulatorAsync("erp", "fail", shortForm ? 20 : 60)),
            new("courierslow", $"courier slow ({outage} s, 5 s a call)", f => f.SimulatorAsync("courier", "slow", outage, 5)),
            new("receiverdown", $"partner's receiver down {outage} s", f =>
            {
                f.Receiver.Down = true;
                return Task.CompletedTask;
            }, async f =>
            {
                await Task.Delay(TimeSpan.FromSeconds(outage));
                f.Receiver.Down = false;
            }, WebhookReceiverDown: true),
            new("sigterm", "SIGTERM mid-load, restarted", async f =>
            {
                await f.App.TerminateAsync(TimeSpan.FromSeconds(45));
                f.App.Start();
            }),
        ];
        var scenarios = only is not null ? all.Where(s => s.Key == only).ToArray() : shortForm ? [all[0]] : all;

        var verdicts = new List<Verdict>();
        foreach (var scenario in scenarios)
        {
            Console.Error.WriteLine($"[chaos] {scenario.Name}: {orders} orders from 6 retrying clients");
            verdicts.Add(await RunAsync(scenario, fault, checks, receiver, baseUrl, Env("CHAOS_API_KEY"), orders));
            Console.Error.WriteLine($"[chaos] {Row(verdicts[^1])}");
        }

        Console.WriteLine("| scenario | orders | placed | lost | doubled | stuck | webhooks missing | recovery s | took s | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var v in verdicts) Console.WriteLine(Row(v));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            passed = verdicts.All(v => v.Passed),
            scenarios = verdicts.Select(v => new { v.Scenario, v.Orders, v.Placed, v.Lost, v.Doubled, v.Stuck, v.WebhooksMissing,
                recovery_s = v.RecoverySeconds, took_s = v.Seconds }),
        }));
        return verdicts.All(v => v.Passed) ? 0 : 1;
    }

    private static async Task<Verdict> RunAsync(Scenario scenario, Fault fault, Checks checks, WebhookReceiver receiver,
        string baseUrl, string apiKey, int orders, int outOfStockEvery = 0)
    {
        var started = DateTimeOffset.UtcNow;
        var clients = new OrderClients(baseUrl, apiKey, scenario.Key, clients: 6, orders, outOfStockEvery);
        var load = clients.RunAsync(TimeSpan.FromMinutes(3));
        while (clients.Started < orders / 3 && !load.IsCompleted) await Task.Delay(50);
        var injectedAt = DateTimeOffset.UtcNow;
        await scenario.Inject(fault);
        // The fault is in place (the app killed and started again, PostgreSQL restarted, a simulator failing): recovery is
        // counted from its start to the first order an attempt made after this point got placed.
        clients.RecoveryFrom = DateTimeOffset.UtcNow;
        if (scenario.Recover is not null) await scenario.Recover(fault);
        await load;
        // The app must be up again before it can be asked (a restarting scenario starts it itself; with two instances, the
        // survivor answers).
        await (fault.Survivor ?? fault.App).WaitReadyAsync(TimeSpan.FromSeconds(120));

        var placed = clients.Placed;
        var ids = placed.Values.ToHashSet();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(6);
        List<(Guid Id, string ExternalId, string Status)> mine;
        while (true)
        {
            mine = (await checks.OrdersAsync()).Where(o => o.ExternalId.StartsWith($"chaos-{scenario.Key}-", StringComparison.Ordinal))
                .ToList();
            var done = mine.Count(o => o.Status == "completed");
            var delivered = ids.Count(receiver.CompletedOrders.Contains);
            if ((done >= placed.Count && delivered >= placed.Count) || DateTime.UtcNow > deadline) break;
            await Task.Delay(2000);
        }
        var byExternal = mine.GroupBy(o => o.ExternalId).ToDictionary(g => g.Key, g => g.ToList());
        var lost = clients.GaveUp.Count + placed.Count(p => !byExternal.ContainsKey(p.Key));
        var duplicates = await checks.DuplicatesAsync(ids, scenario.Key);
        foreach (var duplicate in duplicates.Take(10)) Console.Error.WriteLine($"[chaos]   doubled: {duplicate}");
        var doubled = byExternal.Count(g => g.Value.Count > 1) + duplicates.Count;
        var stuck = mine.Where(o => ids.Contains(o.Id) && o.Status != "completed").ToList();
        foreach (var order in stuck.Take(10)) Console.Error.WriteLine($"[chaos]   stuck: {order.ExternalId} is {order.Status}");
        var missing = ids.Count(id => !receiver.CompletedOrders.Contains(id) && stuck.All(s => s.Id != id));
        return new Verdict(scenario.Name, orders, placed.Count, lost, doubled, stuck.Count, missing,
            clients.RecoveredAt is { } at ? Math.Round((at - injectedAt).TotalSeconds, 1) : null,
            Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 1));
    }

    /// <summary>
    /// Two instances on one database behind nginx (chaos.sh --cluster starts nginx and the simulators' own process): orders
    /// through nginx reach both; a third of the way in, app1 is killed with kill -9 and not started again. app2 must finish
    /// every order (app1's leased runs once their leases lapse), every side effect must be in the ledgers once, every event
    /// handled by all its consumers and nothing dead-lettered.
    /// </summary>
    private static async Task<int> ClusterAsync(bool shortForm)
    {
        var front = Env("CHAOS_APP_URL");
        var urls = Env("CHAOS_APP_URLS").Split(',');
        var orders = int.Parse(Environment.GetEnvironmentVariable("CHAOS_ORDERS") ?? (shortForm ? "30" : "120"),
            CultureInfo.InvariantCulture);
        AppProcess Instance(int n) => new(Env("CHAOS_APP_DLL"), Env("CHAOS_WORKDIR"), urls[n - 1], Env("CHAOS_APP_LOG") + $".app{n}",
            new Dictionary<string, string> { ["HYPERCRM_URLS"] = urls[n - 1], ["HYPERCRM_INSTANCE_NAME"] = $"app{n}" });
        using var app1 = Instance(1);
        using var app2 = Instance(2);
        using var receiver = new WebhookReceiver(int.Parse(Env("CHAOS_RECEIVER_PORT"), CultureInfo.InvariantCulture));
        using var api = new HttpClient { BaseAddress = new Uri(front), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Env("CHAOS_API_KEY"));
        using var sandbox = new HttpClient { BaseAddress = new Uri(Env("CHAOS_SANDBOX_URL")), Timeout = TimeSpan.FromSeconds(30) };
        var fault = new Fault(app1, string.Empty, sandbox, receiver, survivor: app2);

        app1.Start();
        app2.Start();
        await app1.WaitReadyAsync(TimeSpan.FromSeconds(120));
        await app2.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var subscribed = await api.PostAsync("/api/v1/webhooks/subscriptions", new StringContent(JsonSerializer.Serialize(new
        {
            url = receiver.Url, events = new[] { "order.completed" },
        }), Encoding.UTF8, "application/json"));
        if (!subscribed.IsSuccessStatusCode) throw new InvalidOperationException("Subscribing the receiver failed: " +
            await subscribed.Content.ReadAsStringAsync());

        var scenario = new Scenario("cluster", "two instances, app1 kill -9 for good", f =>
        {
            f.App.Kill();
            return Task.CompletedTask;
        });
        Console.Error.WriteLine($"[chaos] {scenario.Name}: {orders} orders from 6 retrying clients through nginx");
        // Every fifth order waits for goods the supplier bot buys: bot jobs are shared between the instances too.
        var verdict = await RunAsync(scenario, fault, new Checks(api, sandbox), receiver, front, Env("CHAOS_API_KEY"), orders,
            outOfStockEvery: 5);
        var cluster = await ClusterChecks.VerifyAsync(Env("ConnectionStrings__Default"), TimeSpan.FromMinutes(2));
        var passed = verdict.Passed && cluster.Passed("app1", "app2");
        Console.Error.WriteLine($"[chaos] {Row(verdict)}");
        Console.Error.WriteLine($"[chaos] events unhandled {cluster.Unhandled}, dead letters {cluster.DeadLetters}, runs unfinished " +
            $"{cluster.RunsUnfinished}, bot jobs done {cluster.BotJobsDone} (unfinished {cluster.BotJobsUnfinished}), instances seen " +
            $"{string.Join(", ", cluster.Seen)}, alive {string.Join(", ", cluster.Alive)}");
        Console.WriteLine("| scenario | orders | placed | lost | doubled | stuck | webhooks missing | recovery s | took s | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(Row(verdict with { }) + (passed ? string.Empty : " (cluster checks FAIL)"));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            passed,
            scenarios = new[] { new { verdict.Scenario, verdict.Orders, verdict.Placed, verdict.Lost, verdict.Doubled, verdict.Stuck,
                verdict.WebhooksMissing, recovery_s = verdict.RecoverySeconds, took_s = verdict.Seconds } },
            events_unhandled = cluster.Unhandled, dead_letters = cluster.DeadLetters, runs_unfinished = cluster.RunsUnfinished,
            bot_jobs_done = cluster.BotJobsDone, bot_jobs_unfinished = cluster.BotJobsUnfinished,
            instances_seen = cluster.Seen, instances_alive = cluster.Alive,
        }));
        return passed ? 0 : 1;
    }

    private static string Row(Verdict v) => string.Create(CultureInfo.InvariantCulture,
        $"| {v.Scenario} | {v.Orders} | {v.Placed} | {v.Lost} | {v.Doubled} | {v.Stuck} | {v.WebhooksMissing} | " +
        $"{(v.RecoverySeconds is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {v.Seconds:0} | " +
        $"{(v.Passed ? "pass" : "FAIL")} |");

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set.");
}
