using System.Collections.Concurrent;
using HyperCrm.Framework.Hosting;
using HyperCrm.Robots.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// This instance's browsers. Keeps between <c>Robots:MinWorkers</c> and <c>Robots:MaxWorkers</c> workers, each with its own
/// Chromium: when jobs are ready and every worker is busy, another starts (up to the maximum); a worker idle for
/// <c>Robots:IdleTimeout</c> stops (down to the minimum). Instances share the one queue in PostgreSQL, so each job runs once
/// wherever it is claimed. Woken at once by a job added here, and by a poll for jobs added elsewhere.
/// </summary>
public sealed class BotWorkerPool(IServiceScopeFactory scopes, BotJobProcessor processor, IOptions<RobotsOptions> options,
    DatabaseReadiness readiness, ILogger<BotWorkerPool> logger) : BackgroundService
{
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    private readonly ConcurrentDictionary<int, BotWorker> _workers = new();
    private readonly SemaphoreSlim _wake = new(0);
    private IPlaywright? _playwright;
    private int _next;

    /// <summary>The most workers this pool has had at once since it started.</summary>
    public int Peak { get; private set; }

    public string InstanceName => Instance;

    public IReadOnlyList<BotWorkerInfo> Workers => [.. _workers.Values.Select(w => w.Info).OrderBy(w => w.Number)];

    /// <summary>Tells the pool a job was added (so it need not wait for its poll).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled) return;
        await readiness.WaitUntilReadyAsync(stoppingToken);
        var workers = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var look = await scope.ServiceProvider.GetRequiredService<BotJobQueue>().LookAsync(stoppingToken);
                await GrowAsync(workers, look.Ready, stoppingToken);
                wait = IdleTime(look.NextDue);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The bot pool could not look at the queue: {Error}", ex.Message);
            }
            workers.RemoveAll(t => t.IsCompleted);
            try
            {
                await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(workers);
        _playwright?.Dispose();
    }

    /// <summary>Until the next job becomes claimable (a retry's delay, a lease lapsing), within 1 s and the poll interval: the
    /// pool does not look at an empty queue every second; an enqueue on this instance wakes it at once.</summary>
    private TimeSpan IdleTime(DateTimeOffset? due)
    {
        if (due is null) return options.Value.PollInterval;
        var wait = due.Value - DateTimeOffset.UtcNow;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
            : wait > options.Value.PollInterval ? options.Value.PollInterval : wait;
    }

    /// <summary>Starts workers while jobs are ready and every worker is busy, up to the maximum; keeps the minimum.</summary>
    private async Task GrowAsync(List<Task> workers, int ready, CancellationToken stoppingToken)
    {
        var idle = _workers.Values.Count(w => !w.Busy);
        var wanted = Math.Clamp(_workers.Count - idle + ready, options.Value.MinWorkers, Math.Max(options.Value.MinWorkers,
            options.Value.MaxWorkers));
        while (_workers.Count < wanted)
        {
            _playwright ??= await Playwright.CreateAsync();
            var number = Interlocked.Increment(ref _next);
            var worker = new BotWorker(number, $"{Instance}/w{number}", _playwright, scopes, processor, options.Value, _wake,
                () => _workers.Count > options.Value.MinWorkers, logger);
            _workers[number] = worker;
            Peak = Math.Max(Peak, _workers.Count);
            workers.Add(RunWorkerAsync(worker, stoppingToken));
        }
    }

    private async Task RunWorkerAsync(BotWorker worker, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(() => worker.RunAsync(stoppingToken), CancellationToken.None);
        }
        finally
        {
            _workers.TryRemove(worker.Number, out _);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _playwright?.Dispose();
        base.Dispose();
    }
}
