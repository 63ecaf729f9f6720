using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Application;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>erp.reserve_stock</c>: reserves the order's lines in the ERP, all or nothing; says which SKUs are missing. A customer
/// order the ERP no longer knows is made again once (<see cref="ErpDocuments"/>).
/// </summary>
public sealed class ReserveErpStockAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp,
    ErpDocuments documents, TimeProvider clock, StockWaitSignal stockWaits) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.reserve_stock", "integrations",
        "Reserve the order's stock in the ERP (needs the ERP customer order)", true, [])
    {
        Outputs = [new("reserved", FieldType.Boolean, "whether every line is reserved"), new("missing_skus", FieldType.List,
            "SKUs the ERP lacks")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        var (answer, healed) = await documents.WithCustomerOrderAsync(order, fulfilment, context.IdempotencyKey,
            key => erp.ReserveAsync(key, context.IdempotencyKey, Reference(order), cancellationToken), cancellationToken);
        var reserved = Require.Value("erp", answer.Reserved, "Reserved");
        var missing = (answer.Missing ?? []).Select(m => Require.Text("erp", m.Sku, "Missing.Sku")).ToArray();
        // Short again after the stock was announced (another order reserved it first): the order's wait starts over, so the
        // next arrival is told to it again.
        if (!reserved && fulfilment.StockArrivalAnnounced)
            await Orders.StockStillShortAsync(order.Id, string.Join(", ", missing), ActorKind.Rule, context.RuleName, cancellationToken);
        fulfilment.ReservationAnswered(reserved, missing.Length == 0 ? null : string.Join(", ", missing), Clock.GetUtcNow());
        // The stock poller sleeps while no order waits: it looks once this wait is committed.
        if (missing.Length > 0) Db.WakeAfterCommit(stockWaits.Notify);
        var outputs = new Dictionary<string, object?> { ["reserved"] = reserved, ["missing_skus"] = missing };
        if (healed is not null)
            return (ActionResult.Done(Message.Of(reserved ? "Integrations:Run:StockReservedHealed" : "Integrations:Run:StockMissingHealed",
                    ("number", fulfilment.ErpOrderNumber), ("stale", healed.Stale), ("skus", string.Join(", ", missing))), outputs),
                Message.Of(reserved ? "Integrations:Step:StockReserved" : "Integrations:Step:StockMissing",
                    ("number", fulfilment.ErpOrderNumber), ("skus", string.Join(", ", missing))));
        return reserved
            ? (ActionResult.Done(Message.Of("Integrations:Run:StockReserved", ("number", fulfilment.ErpOrderNumber)), outputs),
                Message.Of("Integrations:Step:StockReserved", ("number", fulfilment.ErpOrderNumber)))
            : (ActionResult.Done(Message.Of("Integrations:Run:StockMissing", ("skus", string.Join(", ", missing))), outputs),
                Message.Of("Integrations:Step:StockMissing", ("skus", string.Join(", ", missing))));
    }
}
