using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>wms.cancel_pick_task</c>: stops the warehouse picking the order, or, once picked, has the goods put back on the
/// shelves (what undoes <c>wms.create_pick_task</c>). A task already ended is left alone.
/// </summary>
public sealed class CancelPickTaskAction(IntegrationsDbContext db, IOrderIntegrationService orders, IWmsApi wms, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("wms.cancel_pick_task", "integrations",
        "Cancel the order's pick task, or put picked goods back on the shelves (undoes wms.create_pick_task)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.PickTaskId is not { } id) return (ActionResult.Done(Message.Of("Integrations:Run:NoPickTask")), null);
        if (fulfilment.PickTaskEnded)
            return (ActionResult.Done(Message.Of("Integrations:Run:PickTaskAlreadyEnded", ("id", id), ("status", fulfilment.PickStatus))),
                null);
        var answer = await wms.CancelPickTaskAsync(id, context.IdempotencyKey, Reference(order), cancellationToken);
        var status = Require.Text("wms", answer.Status, "status");
        if (status is not ("cancelled" or "restocked"))
            throw new ConnectorResponseException("wms", $"The WMS answered '{status}' to cancelling pick task {id}.");
        fulfilment.PickTaskCancelled(status, Clock.GetUtcNow());
        return status == "restocked"
            ? (ActionResult.Done(Message.Of("Integrations:Run:PickTaskRestocked", ("id", id))),
                Message.Of("Integrations:Step:PickTaskRestocked", ("id", id)))
            : (ActionResult.Done(Message.Of("Integrations:Run:PickTaskCancelled", ("id", id))),
                Message.Of("Integrations:Step:PickTaskCancelled", ("id", id)));
    }
}
