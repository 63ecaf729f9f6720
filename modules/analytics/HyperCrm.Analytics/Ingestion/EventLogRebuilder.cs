using HyperCrm.Analytics.Data;
using HyperCrm.Identity.Audit;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Analytics.Ingestion;

/// <summary>
/// Fills the event log from the orders' own history (for orders that existed before the module, or after the log was
/// emptied), a page of orders per transaction; entries already there are skipped, so it can run at any time, beside the live
/// feed, and again after a crash. Reports its progress as orders read.
/// </summary>
public sealed class EventLogRebuilder(AnalyticsDbContext db, EventLogWriter writer, IOrderIntegrationService orders,
    ISecurityAuditLogger audit)
{
    public const int OrdersPerPage = 200;

    public async Task<int> RebuildOrdersAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Guid? after = null;
        var read = 0;
        while (true)
        {
            var steps = await orders.GetStepHistoryAsync(after, OrdersPerPage, cancellationToken);
            if (steps.Count == 0) break;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await writer.AppendAsync(steps.Select(EventLogEntries.From).ToList(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            var pageOrders = steps.Select(s => s.OrderId).Distinct().ToList();
            read += pageOrders.Count;
            // The last order of the page in PostgreSQL's uuid order (which .NET's Guid comparison need not share).
            after = pageOrders[^1];
            progress?.Report(read);
            if (pageOrders.Count < OrdersPerPage) break;
        }
        await audit.LogAsync("analytics.log_rebuilt", true, "event log", $"{read} orders read", cancellationToken);
        return read;
    }
}
