using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>payments.refund</c>: gives a returned order's captured card payment back, once. Says whether it did, so a rule can
/// hand anything else (cash, invoice) to a person.
/// </summary>
public sealed class RefundPaymentAction(IntegrationsDbContext db, IOrderIntegrationService orders, IPaymentApi payments,
    TimeProvider clock) : PaymentActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("payments.refund", "integrations",
        "Refund the order's captured card payment (once); says whether it did", true, [])
    {
        Outputs = [new("refunded", FieldType.Boolean, "whether the gateway gave the money back")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.PaymentId is not { } id || fulfilment.PaymentStatus is not ("captured" or "refunded"))
            return (ActionResult.Done(Message.Of("Integrations:Run:NoPaymentToRefund"), Refunded(false)), null);
        if (fulfilment.PaymentStatus == "refunded")
            return (ActionResult.Done(Message.Of("Integrations:Run:PaymentAlreadyRefunded", ("id", id)), Refunded(true)), null);
        Answered(await payments.RefundAsync(id, context.IdempotencyKey, Reference(order), cancellationToken), fulfilment);
        return (ActionResult.Done(Message.Of("Integrations:Run:PaymentRefunded", ("total", order.Total), ("currency", order.Currency)),
            Refunded(true)), null);
    }

    private static Dictionary<string, object?> Refunded(bool done) => new() { ["refunded"] = done };
}
