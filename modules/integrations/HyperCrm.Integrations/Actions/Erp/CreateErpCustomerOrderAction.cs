using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>erp.create_customer_order</c>: the customer as an ERP counterparty (once per customer), then the customer-order
/// document.</summary>
public sealed class CreateErpCustomerOrderAction(IntegrationsDbContext db, IOrderIntegrationService orders, ErpDocuments documents,
    TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.create_customer_order", "integrations",
        "Create the customer-order document in the ERP (and the customer as a counterparty, once)", true, [])
    {
        Outputs = [new("erp_order_id", FieldType.Text, "the ERP document's key"), new("erp_number", FieldType.Text,
            "the ERP document number")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.ErpOrderKey is { } existing)
            return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderExists", ("number", fulfilment.ErpOrderNumber)),
                Outputs(existing,
                fulfilment.ErpOrderNumber!)), null);
        var (key, number, healed) = await documents.CreateCustomerOrderAsync(order, context.IdempotencyKey, cancellationToken);
        fulfilment.ErpOrderCreated(key, number, Clock.GetUtcNow());
        var summary = healed is null
            ? Message.Of("Integrations:Run:ErpOrderCreated", ("number", number))
            : Message.Of("Integrations:Run:ErpOrderCreatedHealed", ("number", number), ("stale", healed.Stale),
                ("replacement", healed.Replacement));
        return (ActionResult.Done(summary, Outputs(key, number)), Message.Of("Integrations:Step:ErpOrder", ("number", number)));
    }

    private static Dictionary<string, object?> Outputs(string key, string number) => new() { ["erp_order_id"] = key,
        ["erp_number"] = number };
}
