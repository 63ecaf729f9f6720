using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Settings;
using HyperCrm.Intelligence.Segments;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// Recomputes customers' segments from their orders with the thresholds in Settings → AI, writing only the ones that
/// moved (each move goes on the customer's timeline with why). Runs after each order and nightly over everyone who
/// ordered, so a VIP who stopped buying drops back and a changed threshold takes effect.
/// </summary>
public sealed class SegmentService(IOrderIntegrationService orders, ICustomerIntegrationService customers, ISettingManager settings,
    TimeProvider clock)
{
    /// <summary>How many customers one nightly page reads.</summary>
    public const int PageSize = 500;

    public async Task<SegmentThresholds> ThresholdsAsync(CancellationToken cancellationToken)
    {
        var spent = await settings.GetAsync<decimal>(IntelligenceSettingNames.VipSpent, cancellationToken);
        var vipOrders = await settings.GetAsync<decimal>(IntelligenceSettingNames.VipOrders, cancellationToken);
        var repeat = await settings.GetAsync<decimal>(IntelligenceSettingNames.RepeatOrders, cancellationToken);
        var days = await settings.GetAsync<decimal>(IntelligenceSettingNames.SegmentWindowDays, cancellationToken);
        return new SegmentThresholds(spent, (int)vipOrders, (int)repeat, (int)days);
    }

    /// <summary>Recomputes these customers; returns how many moved.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0) return 0;
        var thresholds = await ThresholdsAsync(cancellationToken);
        var stats = (await orders.GetCustomerStatsAsync(customerIds, clock.GetUtcNow().AddDays(-thresholds.WindowDays), cancellationToken))
            .ToDictionary(s => s.CustomerId);
        var moved = 0;
        foreach (var id in customerIds.Distinct())
        {
            var (segment, reason) = CustomerSegmenter.Decide(stats.GetValueOrDefault(id), thresholds);
            if (await customers.SetSegmentAsync(id, segment, reason, cancellationToken)) moved++;
        }
        return moved;
    }

    /// <summary>Recomputes everyone who ever ordered, a page at a time; returns how many moved.</summary>
    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        Guid? after = null;
        while (true)
        {
            var page = await orders.GetOrderingCustomersAsync(after, PageSize, cancellationToken);
            if (page.Count == 0) return moved;
            moved += await RecomputeAsync(page, cancellationToken);
            after = page[^1];
        }
    }
}
