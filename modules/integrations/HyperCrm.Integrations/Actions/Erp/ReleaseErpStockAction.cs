using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>erp.release_stock</c>: gives the order's reserved stock back to the ERP (what undoes <c>erp.reserve_stock</c>). Nothing
/// reserved, or an ERP order the ERP no longer knows, is nothing to release.
/// </summary>
public sealed class ReleaseErpStockAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.release_stock", "integrations",
        "Release the order's reserved stock in the ERP (undoes erp.reserve_stock)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.ErpOrderKey is not { } key || !fulfilment.Reserved)
            return (ActionResult.Done(Message.Of("Integrations:Run:NothingReserved")), null);
        try
        {
            await erp.ReleaseAsync(key, context.IdempotencyKey, Reference(order), cancellationToken);
        }
        catch (Refit.ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            fulfilment.ReservationReleased(Clock.GetUtcNow());
            return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderUnknown", ("number", fulfilment.ErpOrderNumber))), null);
        }
        fulfilment.ReservationReleased(Clock.GetUtcNow());
        return (ActionResult.Done(Message.Of("Integrations:Run:StockReleased", ("number", fulfilment.ErpOrderNumber))),
            Message.Of("Integrations:Step:StockReleased", ("number", fulfilment.ErpOrderNumber)));
    }
}
