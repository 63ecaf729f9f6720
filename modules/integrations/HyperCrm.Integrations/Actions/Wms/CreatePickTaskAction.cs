using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Application;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>wms.create_pick_task</c>: sends the order to the warehouse and waits until the WMS reports it picked.</summary>
public sealed class CreatePickTaskAction(IntegrationsDbContext db, IOrderIntegrationService orders, IWmsApi wms,
    TimeProvider clock, PickTaskSignal picks) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("wms.create_pick_task", "integrations",
        "Send a pick task to the warehouse, then wait until it is picked", true,
    [
        new("wait_minutes", FieldType.Number, false, "how long to wait for 'picked' before the run goes on with wait.timed_out", "240"),
    ])
    {
        Outputs = [new("task_id", FieldType.Text, "the WMS task id")],
        WaitsFor = PickTaskPickedTrigger,
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        var minutes = (double)(context.Number("wait_minutes") ?? 240);
        var wait = new WaitRequest(PickTaskPickedTrigger, order.Id, TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 60 * 24 * 7)));
        if (fulfilment.PickTaskId is { } existing)
        {
            var outputs = new Dictionary<string, object?> { ["task_id"] = existing };
            return (fulfilment.PickStatus == "picked" ? ActionResult.Done(
                Message.Of("Integrations:Run:PickTaskPicked", ("id", existing)), outputs)
                : ActionResult.Done(Message.Of("Integrations:Run:PickTaskOpen", ("id", existing)), outputs) with { Wait = wait }, null);
        }
        var answer = await wms.CreatePickTaskAsync(new PickTaskRequest(Reference(order),
            [.. order.Lines.Select(l => new PickLineRequest(l.Sku, l.Quantity))]),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var id = Require.Text("wms", answer.Id, "id");
        fulfilment.PickTaskCreated(id, Clock.GetUtcNow());
        // The poller sleeps while no task is open: it looks now, and again once this is committed.
        picks.Notify();
        Db.WakeAfterCommit(picks.Notify);
        return (ActionResult.Done(Message.Of("Integrations:Run:PickTaskSent", ("id", id)),
            new Dictionary<string, object?> { ["task_id"] = id }) with { Wait = wait },
            Message.Of("Integrations:Step:PickTask", ("id", id)));
    }

    public const string PickTaskPickedTrigger = "integrations.wms.picked";
}
