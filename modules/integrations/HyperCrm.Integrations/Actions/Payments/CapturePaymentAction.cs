using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>payments.capture</c>: takes the authorized money, at shipment, once (a retried or repeated capture finds it taken).
/// Orders without a card payment have nothing to capture.
/// </summary>
public sealed class CapturePaymentAction(IntegrationsDbContext db, IOrderIntegrationService orders, IPaymentApi payments,
    TimeProvider clock) : PaymentActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("payments.capture", "integrations",
        "Capture the order's authorized card payment (once)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (!IsCard(order) || fulfilment.PaymentId is not { } id)
            return (ActionResult.Done(Message.Of("Integrations:Run:NoPaymentToCapture")), null);
        if (fulfilment.PaymentStatus is "captured" or "refunded")
            return (ActionResult.Done(Message.Of("Integrations:Run:PaymentAlreadyCaptured", ("id", id))), null);
        if (fulfilment.PaymentStatus != "authorized")
            throw new PermanentActionException($"The payment {id} is {fulfilment.PaymentStatus}: there is nothing to capture.");
        Answered(await payments.CaptureAsync(id, context.IdempotencyKey, Reference(order), cancellationToken), fulfilment);
        return (ActionResult.Done(Message.Of("Integrations:Run:PaymentCaptured", ("total", order.Total), ("currency", order.Currency))),
            null);
    }
}
