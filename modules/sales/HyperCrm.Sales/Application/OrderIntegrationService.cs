using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HyperCrm.Sales.Application;

public sealed class OrderIntegrationService(SalesDbContext db, IMemoryCache cache, TimeProvider clock) : IOrderIntegrationService
{
    /// <summary>
    /// The order as this scope knows it: read once, then from the context's tracker (a run's steps, one after another in one
    /// scope, each read and move the same order; an event batch's handlers read the orders its events are about). Whoever
    /// changed it meanwhile outside the scope is caught by its concurrency stamp when this scope saves it.
    /// </summary>
    public async Task<OrderDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Orders.FindAsync([id], cancellationToken))?.ToDto();

    public async Task<OrderDto?> FindLatestOfCustomerAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        (await db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId).OrderByDescending(o => o.Number)
            .FirstOrDefaultAsync(cancellationToken))?.ToDto();

    public async Task<Guid?> FindCustomerOfAsync(Guid orderId, Guid? partnerId, CancellationToken cancellationToken = default) =>
        await db.Orders.AsNoTracking().Where(o => o.Id == orderId && (partnerId == null || o.PartnerId == partnerId))
            .Select(o => (Guid?)o.CustomerId).FirstOrDefaultAsync(cancellationToken);

    public async Task<OrderDto?> FindByExternalIdAsync(Guid partnerId, string externalId, CancellationToken cancellationToken = default) =>
        (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.PartnerId == partnerId && o.ExternalId == externalId,
            cancellationToken))?.ToDto();

    public async Task RecordStepAsync(Guid orderId, string what, ActorKind actor, string? actorName, Message? note,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null || !order.RecordStep(what, new Actor(actor, actorName), note, clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> StockArrivedAsync(Guid orderId, string skus, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null || !order.StockArrived(skus, new Actor(actor, actorName), clock.GetUtcNow())) return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> StockStillShortAsync(Guid orderId, string skus, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null || !order.StockStillShort(skus, new Actor(actor, actorName), clock.GetUtcNow())) return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<OrderStepRecordedEto>> GetStepHistoryAsync(Guid? after, int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var orders = await db.Orders.AsNoTracking().Where(o => after == null || o.Id.CompareTo(after.Value) > 0).OrderBy(o => o.Id)
            .Take(take).ToListAsync(cancellationToken);
        return orders.SelectMany(o => o.Steps.OrderBy(s => s.At).Select(s => new OrderStepRecordedEto(o.Id, o.Number, o.CustomerId,
            o.PartnerId, s.At, s.What, s.Status, s.ActorKind, s.ActorName))).ToList();
    }

    /// <summary>How many of the shop's latest orders its usual order total is taken over (an index scan, not the table).</summary>
    public const int ShopAverageWindow = 500;

    public async Task<OrderHistoryDto?> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.CustomerId, o.CreationTime, o.Total })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null) return null;
        var hourAgo = clock.GetUtcNow().AddHours(-1);
        var earlier = await db.Orders.AsNoTracking().Where(o => o.CustomerId == order.CustomerId && o.Id != orderId
                && o.CreationTime <= order.CreationTime)
            .GroupBy(o => 1)
            .Select(g => new { Count = g.Count(), Average = g.Average(o => o.Total), First = g.Min(o => o.CreationTime) })
            .FirstOrDefaultAsync(cancellationToken);
        var lastHour = await db.Orders.AsNoTracking().CountAsync(o => o.CustomerId == order.CustomerId && o.CreationTime >= hourAgo,
            cancellationToken);
        var shop = await ShopAverageAsync(cancellationToken);
        return new OrderHistoryDto(earlier?.Count ?? 0, earlier?.Average, earlier?.First, Math.Max(1, lastHour), shop ?? order.Total);
    }

    private static readonly OrderStatus[] Uncounted = [OrderStatus.Cancelled, OrderStatus.Failed, OrderStatus.Returned];

    public async Task<IReadOnlyList<CustomerOrderStatsDto>> GetCustomerStatsAsync(IReadOnlyCollection<Guid> customerIds,
        DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0) return [];
        return await db.Orders.AsNoTracking().Where(o => customerIds.Contains(o.CustomerId) && !Uncounted.Contains(o.Status))
            .GroupBy(o => o.CustomerId)
            .Select(g => new CustomerOrderStatsDto(g.Key, g.Count(), g.Count(o => o.CreationTime >= since),
                g.Where(o => o.CreationTime >= since).Sum(o => o.Total), g.Max(o => (DateTimeOffset?)o.CreationTime)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> GetOrderingCustomersAsync(Guid? after, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Orders.AsNoTracking().Select(o => o.CustomerId);
        if (after is { } last) query = query.Where(id => id.CompareTo(last) > 0);
        return await query.Distinct().OrderBy(id => id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The shop's usual order total over its latest orders, read at most once a minute per instance: every order scored on
    /// the pipeline asks for it, and a minute-old "usual" judges an order the same.
    /// </summary>
    private async Task<decimal?> ShopAverageAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(ShopAverageKey, out decimal cached)) return cached;
        var totals = await db.Orders.AsNoTracking().OrderByDescending(o => o.Number).Take(ShopAverageWindow).Select(o => o.Total)
            .ToListAsync(cancellationToken);
        if (totals.Count == 0) return null;
        var average = totals.Average();
        cache.Set(ShopAverageKey, average, TimeSpan.FromMinutes(1));
        return average;
    }

    private const string ShopAverageKey = "sales:shop-average-total";

    public async Task RecordRiskAsync(Guid orderId, decimal score, IReadOnlyList<Message> reasons, string model, ActorKind actor,
        string? actorName, CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null || !order.RecordRisk(score, reasons, model, new Actor(actor, actorName), clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordPaymentAsync(Guid orderId, PaymentState state, string? reason, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FindAsync([orderId], cancellationToken);
        if (order is null || !order.RecordPayment(state, reason, new Actor(actor, actorName), clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
