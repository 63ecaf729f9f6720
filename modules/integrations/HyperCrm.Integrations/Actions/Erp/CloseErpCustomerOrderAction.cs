using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>erp.close_customer_order</c>: closes the ERP customer order of an order that will not ship, releasing what it still
/// reserves (what undoes <c>erp.create_customer_order</c>). Once closed, closing again does nothing.
/// </summary>
public sealed class CloseErpCustomerOrderAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp,
    TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.close_customer_order", "integrations",
        "Close the order's ERP customer order, releasing its stock (undoes erp.create_customer_order)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken) =>
        await CloseAsync(erp, fulfilment, context.IdempotencyKey, Reference(order), Clock.GetUtcNow(), cancellationToken);

    /// <summary>Closes the ERP order once; also what a return of goods that were never sold does.</summary>
    public static async Task<(ActionResult, Message?)> CloseAsync(IErpApi erp, OrderFulfilment fulfilment, string idempotencyKey,
        string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (fulfilment.ErpOrderKey is not { } key) return (ActionResult.Done(Message.Of("Integrations:Run:NoErpOrder")), null);
        if (fulfilment.ErpOrderClosed)
            return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderAlreadyClosed", ("number", fulfilment.ErpOrderNumber))), null);
        try
        {
            await erp.CloseAsync(key, idempotencyKey, reference, cancellationToken);
        }
        catch (Refit.ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            fulfilment.ErpOrderWasClosed(now);
            return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderUnknown", ("number", fulfilment.ErpOrderNumber))), null);
        }
        fulfilment.ErpOrderWasClosed(now);
        return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderClosed", ("number", fulfilment.ErpOrderNumber))),
            Message.Of("Integrations:Step:ErpOrderClosed", ("number", fulfilment.ErpOrderNumber)));
    }
}
