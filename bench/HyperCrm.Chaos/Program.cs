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
        string baseUrl, string apiKey, int orders)
    {
        var started = DateTimeOffset.UtcNow;
        var clients = new OrderClients(baseUrl, apiKey, scenario.Key, clients: 6, orders);
        var load = clients.RunAsync(TimeSpan.FromMinutes(3));
        while (clients.Started < orders / 3 && !load.IsCompleted) await Task.Delay(50);
        var injectedAt = DateTimeOffset.UtcNow;
        await scenario.Inject(fault);
        // The fault is in place (the app killed and started again, PostgreSQL restarted, a simulator failing): recovery is
        // counted from its start to the first order an attempt made after this point got placed.
        clients.RecoveryFrom = DateTimeOffset.UtcNow;
        if (scenario.Recover is not null) await scenario.Recover(fault);
        await load;
        // The app must be up again before it can be asked (a restarting scenario starts it itself).
        await fault.App.WaitReadyAsync(TimeSpan.FromSeconds(120));

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

    private static string Row(Verdict v) => string.Create(CultureInfo.InvariantCulture,
        $"| {v.Scenario} | {v.Orders} | {v.Placed} | {v.Lost} | {v.Doubled} | {v.Stuck} | {v.WebhooksMissing} | " +
        $"{(v.RecoverySeconds is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {v.Seconds:0} | " +
        $"{(v.Passed ? "pass" : "FAIL")} |");

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set.");
}
