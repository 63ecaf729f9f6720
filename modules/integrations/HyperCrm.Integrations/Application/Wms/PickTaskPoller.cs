using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Integrations.Application;

/// <summary>
/// Asks the WMS about open pick tasks. A round leases the due tasks in one short transaction (SKIP LOCKED, so instances
/// share them, and their check time moves on, so a failing task goes to the back of the line), then asks about each
/// with no database lock held, and commits each answer on its own: one task the WMS cannot answer never holds back or
/// rolls back the others, and waits longer before each next check (<see cref="OrderFulfilment.PickCheckFailed"/>). A task
/// the WMS no longer knows (404) is sent again once under a key derived from the stale id. A task reported picked raises
/// <c>integrations.wms.picked</c> in its commit.
/// </summary>
public sealed class PickTaskPoller(IServiceScopeFactory scopes, IOptions<IntegrationsOptions> options, TimeProvider clock,
    WorkPauses pauses, PickTaskSignal signal, ILogger<PickTaskPoller> logger) : BackgroundService
{
    public const int BatchSize = 50;


    /// <summary>The longest the poller sleeps with no pick task open: a task created here wakes it at once; this is the safety
    /// net for tasks left open by an instance that stopped.</summary>
    public static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled) return;
        var interval = options.Value.WmsPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Open tasks are asked about every interval; with none open, the poller sleeps until a task is created.
                if (!await AnyOpenAsync(stoppingToken))
                {
                    await signal.WaitAsync(IdleWait, stoppingToken);
                    continue;
                }
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await PollAsync(stoppingToken);
                // A round that took a while is followed by the next one the sooner, as a timer would.
                var rest = interval - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                var wait = rest > TimeSpan.Zero ? rest : TimeSpan.Zero;
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Polling the WMS failed: {Error}", ex.Message);
                await Task.Delay(interval, stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: each answer already committed stays; the rest is asked again at the next start.
                return;
            }
        }
    }

    /// <summary>Whether any pick task is open (the partial index on open tasks).</summary>
    private async Task<bool> AnyOpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Fulfilments.AsNoTracking()
            .AnyAsync(f => f.PickStatus == "open", cancellationToken);
    }

    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        // The WMS connector is paused by an operator: its tasks wait, unchecked and with no failure counted.
        if (await pauses.IsPausedAsync(WorkKinds.Connector, ConnectorNames.Wms, cancellationToken)) return 0;
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
                try
                {
                    await FailedAsync(orderId, taskId, ex, cancellationToken);
                }
                catch (Exception inner) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("Recording the failed check of pick task {Task} failed: {Error}", taskId, inner.Message);
                }
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

    /// <summary>Backs the task off; a task the WMS no longer knows is sent again (once per stale id).</summary>
    private async Task FailedAsync(Guid orderId, string taskId, Exception failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var fulfilment = await db.Fulfilments.FirstOrDefaultAsync(f => f.Id == orderId, cancellationToken);
        if (fulfilment is null || fulfilment.PickTaskId != taskId) return;
        var orders = scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>();
        if (failure is Refit.ApiException { StatusCode: System.Net.HttpStatusCode.NotFound }
            && await orders.FindAsync(orderId, cancellationToken) is { } order)
        {
            var answer = await scope.ServiceProvider.GetRequiredService<IWmsApi>().CreatePickTaskAsync(new PickTaskRequest(
                order.Id.ToString(), [.. order.Lines.Select(l => new PickLineRequest(l.Sku, l.Quantity))]),
                $"pick:{orderId:N}:after:{taskId}", order.Id.ToString(), cancellationToken);
            fulfilment.PickTaskReplaced(Require.Text("wms", answer.Id, "id"), clock.GetUtcNow());
            logger.LogWarning("The WMS no longer knew pick task {Task} of order {Order}; sent it again as {New}", taskId, orderId,
                fulfilment.PickTaskId);
        }
        else
        {
            fulfilment.PickCheckFailed(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
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
