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
/// Asks the WMS about open pick tasks. A round leases the due tasks in one short transaction (SKIP LOCKED, so instances
/// share them, and their check time moves on, so a failing task goes to the back of the line), then asks about each
/// with no database lock held, and commits each answer on its own: one task the WMS cannot answer never holds back or
/// rolls back the others. A task reported picked raises <c>integrations.wms.picked</c> in its commit.
/// </summary>
public sealed class PickTaskPoller(IServiceScopeFactory scopes, IOptions<IntegrationsOptions> options, TimeProvider clock, ILogger<PickTaskPoller> logger) : BackgroundService
{
    public const int BatchSize = 50;

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
                // Stopping: each answer already committed stays; the rest is asked again at the next start.
                return;
            }
        }
    }

    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var leased = await LeaseAsync(cancellationToken);
        var picked = 0;
        foreach (var (orderId, taskId) in leased)
        {
            try
            {
                if (await CheckAsync(orderId, taskId, cancellationToken)) picked++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Asking the WMS about pick task {Task} failed: {Error}", taskId, ex.Message);
            }
        }
        return picked;
    }

    /// <summary>The due open tasks, their check time moved to now in the same short transaction.</summary>
    private async Task<List<(Guid OrderId, string TaskId)>> LeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        var before = now - options.Value.WmsPollInterval / 2;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE integrations.order_fulfilments SET pick_checked_at = {now}
            WHERE id IN (SELECT id FROM integrations.order_fulfilments WHERE pick_status = 'open' AND pick_checked_at <= {before}
                         ORDER BY pick_checked_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        var tasks = await db.Fulfilments.AsNoTracking().Where(f => ids.Contains(f.Id) && f.PickTaskId != null)
            .Select(f => new { f.Id, f.PickTaskId }).ToListAsync(cancellationToken);
        return tasks.Select(t => (t.Id, t.PickTaskId!)).ToList();
    }

    private async Task<bool> CheckAsync(Guid orderId, string taskId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<IWmsApi>().GetPickTaskAsync(taskId, cancellationToken);
        var status = Require.Text("wms", answer.Status, "status");
        // Not picked yet: the lease already moved the check time on, and there is nothing else to write.
        if (status != "picked") return false;
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var fulfilment = await db.Fulfilments.FirstOrDefaultAsync(f => f.Id == orderId, cancellationToken);
        if (fulfilment is null) return false;
        fulfilment.PickChecked(status, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
