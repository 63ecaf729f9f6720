using HyperCrm.Customers.Timeline;
using HyperCrm.Integrations.Data;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Integrations.Application;

/// <summary>
/// While orders wait for stock the ERP lacked, reads the ERP's stock every <c>Integrations:StockArrivalPollInterval</c> (the
/// ERP has no callback; with no order waiting, it is not asked at all, and the poller sleeps until a reservation comes back
/// short on this instance, or for <see cref="IdleWait"/> at most), brings the CRM's products up to date, and for
/// each waiting order whose missing SKUs the ERP now has free in the quantities the order needs, tells sales (which
/// raises <c>sales.order.stock_arrived</c> once per wait, so instances racing for it or a repeat after a crash tell it once).
/// </summary>
public sealed class StockArrivalPoller(IServiceScopeFactory scopes, IOptions<IntegrationsOptions> options, TimeProvider clock,
    StockWaitSignal signal, ILogger<StockArrivalPoller> logger) : BackgroundService
{
    public const int BatchSize = 200;

    /// <summary>The longest the poller sleeps with no order waiting: the safety net for orders left waiting by an instance
    /// that stopped.</summary>
    public static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(60);

    private volatile bool _anyWaiting = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled || options.Value.StockArrivalPollInterval <= TimeSpan.Zero) return;
        var interval = options.Value.StockArrivalPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // While orders wait for stock the ERP is read every interval; with none waiting, the poller sleeps until one does.
                await PollAsync(stoppingToken);
                if (_anyWaiting) await Task.Delay(interval, stoppingToken);
                else await signal.WaitAsync(IdleWait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Looking for arrived stock failed: {Error}", ex.Message);
                await Task.Delay(interval, stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One look: how many waiting orders were told their stock arrived.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var waiting = await db.Fulfilments.AsNoTracking()
            .Where(f => !f.Reserved && f.MissingStock != null && !f.StockArrivalAnnounced && !f.ErpOrderClosed)
            .OrderBy(f => f.UpdatedAt).Select(f => f.Id).Take(BatchSize).ToListAsync(cancellationToken);
        _anyWaiting = waiting.Count > 0;
        if (waiting.Count == 0) return 0;
        var (levels, _) = await scope.ServiceProvider.GetRequiredService<ErpStockReader>().SyncAsync(cancellationToken);
        var free = levels.GroupBy(l => l.Sku.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Sum(l => l.OnHand - l.Reserved), StringComparer.Ordinal);
        var orders = scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>();
        var told = 0;
        foreach (var id in waiting)
        {
            try
            {
                if (await AnnounceAsync(id, free, orders, cancellationToken)) told++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance announced it (or the order moved on) meanwhile.
            }
        }
        return told;
    }

    private async Task<bool> AnnounceAsync(Guid orderId, Dictionary<string, int> free, IOrderIntegrationService orders,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var fulfilment = await db.Fulfilments.FirstOrDefaultAsync(f => f.Id == orderId, cancellationToken);
        if (fulfilment?.MissingStock is not { } missing || fulfilment.Reserved || fulfilment.StockArrivalAnnounced) return false;
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null) return false;
        var needed = order.Lines.GroupBy(l => l.Sku.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var skus = missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).ToArray();
        if (!skus.All(s => free.GetValueOrDefault(s) >= needed.GetValueOrDefault(s, 1))) return false;
        var told = await orders.StockArrivedAsync(orderId, missing, ActorKind.Job, "ERP stock", cancellationToken);
        fulfilment.StockArrived(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // What this order will reserve is not free for the next one in this look.
        foreach (var sku in skus) free[sku] = free.GetValueOrDefault(sku) - needed.GetValueOrDefault(sku, 1);
        return told;
    }
}
