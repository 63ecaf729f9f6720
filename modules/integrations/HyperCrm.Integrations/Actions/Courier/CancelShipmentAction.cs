using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>courier.cancel_shipment</c>: cancels the order's shipment so it is never delivered (what undoes
/// <c>courier.create_shipment</c>). One the courier has already delivered or returned cannot be cancelled: that is said,
/// not failed, as a return takes over from there.
/// </summary>
public sealed class CancelShipmentAction(IntegrationsDbContext db, IOrderIntegrationService orders, ICourierApi courier,
    TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("courier.cancel_shipment", "integrations",
        "Cancel the order's courier shipment before delivery (undoes courier.create_shipment)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.TrackingNumber is not { } tracking) return (ActionResult.Done(Message.Of("Integrations:Run:NoShipment")), null);
        if (fulfilment.ShipmentStatus == "cancelled")
            return (ActionResult.Done(Message.Of("Integrations:Run:ShipmentAlreadyCancelled", ("tracking", tracking))), null);
        try
        {
            await courier.CancelShipmentAsync(tracking, context.IdempotencyKey, Reference(order), cancellationToken);
        }
        catch (Refit.ApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            return (ActionResult.Done(Message.Of("Integrations:Run:ShipmentGone", ("tracking", tracking))), null);
        }
        fulfilment.ShipmentCancelled(Clock.GetUtcNow());
        return (ActionResult.Done(Message.Of("Integrations:Run:ShipmentCancelled", ("tracking", tracking))),
            Message.Of("Integrations:Step:ShipmentCancelled", ("tracking", tracking)));
    }
}
