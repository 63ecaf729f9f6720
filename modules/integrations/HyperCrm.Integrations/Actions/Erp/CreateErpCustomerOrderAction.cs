using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>erp.create_customer_order</c>: the customer as an ERP counterparty (once per customer), then the customer-order
/// document.</summary>
public sealed class CreateErpCustomerOrderAction(IntegrationsDbContext db, IOrderIntegrationService orders,
    ICustomerIntegrationService customers, IErpApi erp, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
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
        var counterparty = await Db.ErpCounterparties.FirstOrDefaultAsync(c => c.Id == order.CustomerId, cancellationToken);
        if (counterparty is null)
        {
            var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
            var created = await erp.CreateCounterpartyAsync(new ErpCounterpartyRequest(customer?.Name ?? order.CustomerName,
                customer?.Email, customer?.Phone, order.CustomerId.ToString()),
                $"counterparty:{order.CustomerId:N}", Reference(order), cancellationToken);
            counterparty = new ErpCounterparty(order.CustomerId, Require.Text("erp", created.RefKey, "Ref_Key"), created.Code,
                Clock.GetUtcNow());
            Db.ErpCounterparties.Add(counterparty);
        }
        var answer = await erp.CreateCustomerOrderAsync(
            new ErpCustomerOrderRequest(counterparty.RefKey, order.Id.ToString(), [.. order.Lines.Select(l => new ErpLineRequest(l.Sku,
                l.Quantity, l.UnitPrice))]),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var key = Require.Text("erp", answer.RefKey, "Ref_Key");
        var number = Require.Text("erp", answer.Number, "Number");
        fulfilment.ErpOrderCreated(key, number, Clock.GetUtcNow());
        return (ActionResult.Done(Message.Of("Integrations:Run:ErpOrderCreated", ("number", number)), Outputs(key, number)),
            Message.Of("Integrations:Step:ErpOrder", ("number", number)));
    }

    private static Dictionary<string, object?> Outputs(string key, string number) => new() { ["erp_order_id"] = key,
        ["erp_number"] = number };
}
