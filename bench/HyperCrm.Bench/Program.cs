using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HyperCrm.Bench;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Sales.Orders;
using HyperCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// The CRM-core benchmark: search and list latency over N customers and N orders, and order intake under concurrency.
// Measured at the service level (app services + EF + PostgreSQL), then over HTTP against the running app when BENCH_API_URL is set. Prints
// one JSON object on its last line.
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default.");
var rows = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROWS") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
var workers = int.Parse(Environment.GetEnvironmentVariable("BENCH_WORKERS") ?? "8", System.Globalization.CultureInfo.InvariantCulture);
var log = Console.Error;

// bench.sh's robots phase: the app runs with Robots__MaxWorkers=N; only the bots are measured.
if (args is ["robots", var maxWorkers, ..])
{
    await using var robotsDb = NpgsqlDataSource.Create(connectionString);
    var figures = await RobotsBench.RunAsync(robotsDb, Environment.GetEnvironmentVariable("BENCH_API_URL") is { Length: > 0 } url
        ? new Uri(url) : null, Environment.GetEnvironmentVariable("BENCH_API_KEY") ?? string.Empty,
        int.Parse(maxWorkers, System.Globalization.CultureInfo.InvariantCulture), 24, log);
    Console.WriteLine(JsonSerializer.Serialize(figures));
    return 0;
}

await using (var migrations = NpgsqlDataSource.Create(connectionString))
{
    await using var context = new HyperCrmMigrationsDbContext(new DbContextOptionsBuilder<HyperCrmMigrationsDbContext>()
        .UseHyperNpgsql(migrations).Options);
    await context.Database.MigrateAsync();
}

// bench.sh's analytics phase: a generated event log of N events (default 10,000,000), the analytics module alone.
if (args is ["analytics", ..])
{
    var events = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
    using var analyticsHost = await StartHostAsync<AnalyticsBenchModule>(connectionString);
    var figures = await AnalyticsBench.RunAsync(analyticsHost.Services, analyticsHost.Services.GetRequiredService<NpgsqlDataSource>(),
        events, log);
    Console.WriteLine(JsonSerializer.Serialize(figures));
    await analyticsHost.StopAsync();
    return 0;
}

// bench.sh's operations phase: the clustered scheduler's punctuality (N schedules every second for S seconds).
if (args is ["scheduler", var schedules, var forSeconds, ..])
{
    using var schedulerHost = await StartHostAsync<SchedulerBenchModule>(connectionString);
    var figures = await SchedulerBench.RunAsync(schedulerHost.Services,
        int.Parse(schedules, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(forSeconds, System.Globalization.CultureInfo.InvariantCulture), log);
    Console.WriteLine(JsonSerializer.Serialize(figures));
    await schedulerHost.StopAsync();
    return 0;
}

// bench.sh's operations phase: the scenario alone against the running app (BENCH_API_URL), to compare its throughput with
// telemetry on and off.
if (args is ["scenario", ..])
{
    await using var scenarioDb = NpgsqlDataSource.Create(connectionString);
    var scenarioApi = new Uri(Environment.GetEnvironmentVariable("BENCH_API_URL")!);
    var scenarioKey = Environment.GetEnvironmentVariable("BENCH_API_KEY") ?? string.Empty;
    // BENCH_INTAKE=1: the HTTP intake's sustained rate first, its orders left to the light rules (as in the full run).
    HttpIntake.Result? intakeFirst = null;
    if (Environment.GetEnvironmentVariable("BENCH_INTAKE") == "1")
    {
        await scenarioDb.CreateCommand("UPDATE automation.rules SET is_enabled = false WHERE playbook_key LIKE 'fulfil-%'")
            .ExecuteNonQueryAsync();
        intakeFirst = await HttpIntake.RunAsync(scenarioApi, scenarioKey, workers, seconds, log);
    }
    var figures = await ScenarioBench.RunAsync(scenarioApi, scenarioKey, scenarioDb, workers, seconds,
        openLoop: Environment.GetEnvironmentVariable("BENCH_OPEN_LOOP") != "0", log);
    if (intakeFirst is not null)
    {
        figures["http_intake_per_s"] = intakeFirst.SustainedPerSecond;
        figures["http_intake_p99_ms_at_saturation"] = intakeFirst.SaturatedP99Ms;
    }
    Console.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    }));
    return 0;
}

using var host = await StartHostAsync<BenchModule>(connectionString);
var db = host.Services.GetRequiredService<NpgsqlDataSource>();

await DataGenerator.EnsureAsync(db, rows, log);
// The in-process figures measure the CRM core and the light rules; the fulfilment rules (ERP, WMS, courier) need the
// integrations module and the sandbox, and run in the scenario phase against the app.
await db.CreateCommand("UPDATE automation.rules SET is_enabled = false WHERE playbook_key LIKE 'fulfil-%'").ExecuteNonQueryAsync();
await Task.Delay(TimeSpan.FromSeconds(3));

var random = new Random(42);
var searchMs = new List<double>();
for (var i = 0; i < 300; i++)
{
    var n = random.Next(1, rows);
    var filter = (i % 3) switch { 0 => "Lebedeva " + n, 1 => "user" + n + "@", _ => "8 916 " + (n % 10000000).ToString("0000000",
        System.Globalization.CultureInfo.InvariantCulture) };
    searchMs.Add(await TimeAsync(sp => sp.GetRequiredService<ICustomerAppService>()
        .GetListAsync(new GetCustomerListInput { Filter = filter })));
}
var listMs = new List<double>();
var statuses = Enum.GetValues<OrderStatus>();
for (var i = 0; i < 300; i++)
{
    var input = new GetOrderListInput { Status = i % 2 == 0 ? statuses[random.Next(statuses.Length)] : null, Page = 1 + random.Next(5) };
    listMs.Add(await TimeAsync(sp => sp.GetRequiredService<IOrderAppService>().GetListAsync(input)));
}
await log.WriteLineAsync($"search p50 {Percentiles.Of(searchMs, 50)} ms p95 {Percentiles.Of(searchMs, 95)} ms; order list p50 " +
    $"{Percentiles.Of(listMs, 50)} ms p95 {Percentiles.Of(listMs, 95)} ms");

var commitsBefore = await CommitsAsync();
var intake = new ConcurrentBag<double>();
var failures = 0;
var stop = DateTime.UtcNow.AddSeconds(seconds);
var runId = Guid.NewGuid().ToString("N")[..8];
await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
{
    for (var i = 0; DateTime.UtcNow < stop; i++)
    {
        var order = new CreateOrderDto
        {
            ExternalId = $"bench-{runId}-{worker}-{i}", Currency = "RUB",
            Customer = new OrderCustomerDto { Name = "Bench Buyer", Email = $"bench{worker}-{i % 500}@bench.test" },
            ShippingAddress = new ShippingAddressDto { Country = "RU", City = "Москва", Line1 = "ул. Тверская, 1" },
            Lines = [new OrderLineInputDto { Sku = "SKU-001", Quantity = 1, UnitPrice = 1490m }],
        };
        try
        {
            intake.Add(await TimeAsync(sp => sp.GetRequiredService<IOrderAppService>().CreateAsync(order, null)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Interlocked.Increment(ref failures);
        }
    }
})));
var commits = await CommitsAsync() - commitsBefore;
var stored = (long)(await db.CreateCommand($"SELECT count(*) FROM sales.orders WHERE external_id LIKE 'bench-{runId}-%'")
    .ExecuteScalarAsync())!;
var plans = await QueryPlans.ExplainAsync(host.Services, db);
if (Environment.GetEnvironmentVariable("BENCH_PLANS_FILE") is { Length: > 0 } plansFile) await File.WriteAllTextAsync(plansFile, plans);
var conditions = AutomationBench.Conditions(log);
var ai = AiBench.Run(log);
var trivialRuns = await AutomationBench.TrivialRunsAsync(host.Services, db,
    int.Parse(Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "20000", System.Globalization.CultureInfo.InvariantCulture), log);
await host.StopAsync();

// Over HTTP, when bench.sh started the app beside this process.
HttpIntake.Result? overHttp = Environment.GetEnvironmentVariable("BENCH_API_URL") is { Length: > 0 } apiUrl
    ? await HttpIntake.RunAsync(new Uri(apiUrl), Environment.GetEnvironmentVariable("BENCH_API_KEY") ?? string.Empty, workers, seconds, log)
    : null;
// The whole scenario, when the app runs with the sandbox.
var scenario = Environment.GetEnvironmentVariable("BENCH_API_URL") is { Length: > 0 } scenarioUrl
    ? await ScenarioBench.RunAsync(new Uri(scenarioUrl), Environment.GetEnvironmentVariable("BENCH_API_KEY") ?? string.Empty, db, workers,
        seconds, openLoop: true, log)
    : new Dictionary<string, object?>();

var result = new Dictionary<string, object?>
{
    ["rows"] = rows,
    ["customer_search_p50_ms"] = Percentiles.Of(searchMs, 50),
    ["customer_search_p95_ms"] = Percentiles.Of(searchMs, 95),
    ["order_list_p50_ms"] = Percentiles.Of(listMs, 50),
    ["order_list_p95_ms"] = Percentiles.Of(listMs, 95),
    ["inprocess_orders_accepted_per_s"] = Math.Round(intake.Count / (double)seconds, 1),
    ["intake_p50_ms"] = Percentiles.Of([.. intake], 50),
    ["intake_p95_ms"] = Percentiles.Of([.. intake], 95),
    ["intake_p99_ms"] = Percentiles.Of([.. intake], 99),
    ["intake_workers"] = workers,
    ["inprocess_commits_per_order"] = intake.IsEmpty ? null : Math.Round(commits / (double)intake.Count, 2),
    ["inprocess_lost_orders"] = intake.Count - stored,
    ["failed_orders"] = failures,
    ["http_intake_per_s"] = overHttp?.SustainedPerSecond,
    ["http_intake_p99_ms_at_saturation"] = overHttp?.SaturatedP99Ms,
    ["http_half_rate_per_s"] = overHttp?.HalfRatePerSecond,
    ["http_half_rate_p50_ms"] = overHttp?.HalfRateP50Ms,
    ["http_half_rate_p95_ms"] = overHttp?.HalfRateP95Ms,
    ["http_half_rate_p99_ms"] = overHttp?.HalfRateP99Ms,
    ["http_failed_orders"] = overHttp?.Failed,
};
foreach (var (key, value) in conditions.Concat(ai).Concat(trivialRuns).Concat(scenario)) result[key] = value;
// A phase that measured nothing (no order shipped) says NaN rather than failing the whole run.
Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions
{
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
}));
return 0;

async Task<double> TimeAsync<T>(Func<IServiceProvider, Task<T>> action)
{
    await using var scope = host.Services.CreateAsyncScope();
    var watch = Stopwatch.StartNew();
    await action(scope.ServiceProvider);
    return watch.Elapsed.TotalMilliseconds;
}

async Task<long> CommitsAsync() =>
    (long)(await db.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").ExecuteScalarAsync())!;

// The modules hosted as the app hosts them (no web server), started and ready.
static async Task<IHost> StartHostAsync<TModule>(string connectionString)
    where TModule : HyperModule
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString });
    builder.AddHyperModules<TModule>();
    builder.Services.AddScoped<IDatabaseSchemaChecker, MigratedSchema>();
    var host = builder.Build();
    host.Services.InitializeHyperModules();
    await host.StartAsync();
    await host.Services.GetRequiredService<DatabaseReadiness>().WaitUntilReadyAsync(CancellationToken.None);
    return host;
}

internal sealed class MigratedSchema : IDatabaseSchemaChecker
{
    public Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

