using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>erp.post_sale_documents</c>: the sale ("realization") document for a delivered order, for accounting.</summary>
public sealed class PostErpSaleAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp,
    ErpDocuments documents, TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.post_sale_documents", "integrations",
        "Post the sale documents of the order to the ERP", true, [])
    {
        Outputs = [new("sale_number", FieldType.Text, "the ERP sale document number")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.SaleDocumentNumber is { } done)
            return (ActionResult.Done(Message.Of("Integrations:Run:SaleExists", ("number", done)),
                new Dictionary<string, object?> { ["sale_number"] = done }), null);
        var (answer, healed) = await documents.WithCustomerOrderAsync(order, fulfilment, context.IdempotencyKey,
            key => erp.PostSaleAsync(new ErpSaleRequest(key), context.IdempotencyKey, Reference(order), cancellationToken),
            cancellationToken);
        var number = Require.Text("erp", answer.Number, "Number");
        fulfilment.SaleDocumentsPosted(Require.Text("erp", answer.RefKey, "Ref_Key"), number, Clock.GetUtcNow());
        return (ActionResult.Done(healed is null ? Message.Of("Integrations:Run:SalePosted", ("number", number))
                : Message.Of("Integrations:Run:SalePostedHealed", ("number", number), ("stale", healed.Stale),
                    ("replacement", healed.Replacement)),
                new Dictionary<string, object?> { ["sale_number"] = number }),
            Message.Of("Integrations:Step:Sale", ("number", number)));
    }
}
