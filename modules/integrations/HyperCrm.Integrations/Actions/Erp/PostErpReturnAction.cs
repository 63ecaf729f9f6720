using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>erp.post_return</c>: the goods of a returned order come back in the ERP, once. A sold order (delivered) gets a return
/// document that puts its stock back on hand; one never sold (the parcel came back undelivered) has its ERP order closed,
/// which releases its reservation.
/// </summary>
public sealed class PostErpReturnAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.post_return", "integrations",
        "Return the order's goods in the ERP: a return document after a sale, else the ERP order is closed", true, [])
    {
        Outputs = [new("return_number", FieldType.Text, "the ERP return document number (empty when nothing was sold)")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.ReturnDocumentNumber is { } done)
            return (ActionResult.Done(Message.Of("Integrations:Run:ReturnExists", ("number", done)), Outputs(done)), null);
        if (fulfilment.SaleDocumentKey is null)
        {
            var (closed, step) = await CloseErpCustomerOrderAction.CloseAsync(erp, fulfilment, context.IdempotencyKey, Reference(order),
                Clock.GetUtcNow(), cancellationToken);
            return (closed with { Outputs = Outputs(null) }, step);
        }
        var answer = await erp.PostReturnAsync(new ErpSaleRequest(fulfilment.ErpOrderKey!), context.IdempotencyKey, Reference(order),
            cancellationToken);
        var number = Require.Text("erp", answer.Number, "Number");
        fulfilment.ReturnPosted(Require.Text("erp", answer.RefKey, "Ref_Key"), number, Clock.GetUtcNow());
        return (ActionResult.Done(Message.Of("Integrations:Run:ReturnPosted", ("number", number)), Outputs(number)),
            Message.Of("Integrations:Step:Return", ("number", number)));
    }

    private static Dictionary<string, object?> Outputs(string? number) => new() { ["return_number"] = number };
}
