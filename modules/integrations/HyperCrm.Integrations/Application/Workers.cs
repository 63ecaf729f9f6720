using HyperCrm.Automation.Catalog;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HyperCrm.Integrations.Application;

public sealed class IntegrationsOptions
{
    /// <summary>How often open pick tasks are asked about (the WMS has no callback).</summary>
    public TimeSpan WmsPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often products and stock are read from the ERP; zero turns the schedule off (the button stays).</summary>
    public TimeSpan StockSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool WorkersEnabled { get; set; } = true;
}

/// <summary>
/// Asks the WMS about open pick tasks (rows locked with SKIP LOCKED, so instances share them); a task reported picked
/// raises <c>integrations.wms.picked</c> in the same commit, and the waiting run goes on.
/// </summary>
public sealed class PickTaskPoller(IServiceScopeFactory scopes, IOptions<IntegrationsOptions> options, TimeProvider clock, ILogger<PickTaskPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled) return;
        using var timer = new PeriodicTimer(options.Value.WmsPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Polling the WMS failed: {Error}", ex.Message);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: whatever the round was doing is rolled back and picked up at the next start.
                return;
            }
        }
    }

    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var wms = scope.ServiceProvider.GetRequiredService<IWmsApi>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = clock.GetUtcNow() - options.Value.WmsPollInterval / 2;
        var open = await db.Fulfilments
            .FromSql($"SELECT * FROM integrations.order_fulfilments WHERE pick_status = 'open' AND pick_checked_at <= {before} ORDER BY pick_checked_at LIMIT 50 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var picked = 0;
        foreach (var fulfilment in open)
        {
            var answer = await wms.GetPickTaskAsync(fulfilment.PickTaskId!, cancellationToken);
            var status = Require.Text("wms", answer.Status, "status");
            fulfilment.PickChecked(status, clock.GetUtcNow());
            if (status == "picked") picked++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return picked;
    }
}

/// <summary>
/// Keeps products and stock in step with the ERP on a schedule (Settings → Integrations also syncs on demand): a
/// clustered Quartz job, so several instances read the ERP once per interval between them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StockSyncJob(IServiceScopeFactory scopes, ILogger<StockSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("erp-stock-sync", "integrations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<IConnectorAppService>().SyncStockAsync(cancellationToken);
            logger.LogInformation("Stock sync: {Summary}", summary);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next fire tries again; the health view shows the connector's errors meanwhile.
            logger.LogWarning("Stock sync with the ERP failed: {Error}", ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The scheduler is shutting down with the host.
        }
    }
}

/// <summary>Puts the stock sync on the clustered scheduler at start (replacing the stored trigger), or takes it off when the interval is zero.</summary>
public sealed class StockSyncScheduler(ISchedulerFactory schedulers, HyperCrm.Framework.Hosting.DatabaseReadiness readiness, IOptions<IntegrationsOptions> options,
    ILogger<StockSyncScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitUntilReadyAsync(stoppingToken);
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            var interval = options.Value.StockSyncInterval;
            if (interval <= TimeSpan.Zero || !options.Value.WorkersEnabled)
            {
                await scheduler.DeleteJob(StockSyncJob.Key, stoppingToken);
                return;
            }
            var job = JobBuilder.Create<StockSyncJob>().WithIdentity(StockSyncJob.Key).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().WithIdentity("erp-stock-sync-every", StockSyncJob.Key.Group).ForJob(StockSyncJob.Key)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, stoppingToken);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SchedulerException)
        {
            // The host stopped before the scheduler took the job: the next start schedules it.
        }
        catch (SchedulerException ex)
        {
            logger.LogWarning("The ERP stock sync could not be scheduled: {Error}", ex.Message);
        }
    }
}

/// <summary>The integrations' own events are about an order: runs they start (or resume) have it as their subject.</summary>
public sealed class PickedEnricher : ITriggerEnricher
{
    public string EventName => "integrations.wms.picked";

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var picked = (PickTaskPickedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", picked.OrderId, $"pick task {picked.TaskId} picked"));
    }
}

public sealed class ShipmentStatusEnricher : ITriggerEnricher
{
    public string EventName => "integrations.courier.status_changed";

    public IReadOnlyList<CatalogField> Fields { get; } = [];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var changed = (ShipmentStatusChangedEto)eventData;
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", changed.OrderId,
            $"shipment {changed.TrackingNumber}: {changed.Status}"));
    }
}
