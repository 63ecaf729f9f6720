using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>payments.void</c>: releases the hold on the customer's card (what undoes <c>payments.authorize</c> when an order is
/// cancelled before shipment). A declined or voided payment has nothing to void; a captured one is refunded instead.
/// </summary>
public sealed class VoidPaymentAction(IntegrationsDbContext db, IOrderIntegrationService orders, IPaymentApi payments,
    TimeProvider clock) : PaymentActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("payments.void", "integrations",
        "Void the order's card authorization (undoes payments.authorize)", true, []);

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.PaymentId is not { } id || fulfilment.PaymentStatus is "declined" or "voided")
            return (ActionResult.Done(Message.Of("Integrations:Run:NoPaymentToVoid")), null);
        if (fulfilment.PaymentStatus is "captured" or "refunded")
            return (ActionResult.Done(Message.Of("Integrations:Run:PaymentCapturedNotVoided", ("id", id))), null);
        Answered(await payments.VoidAsync(id, context.IdempotencyKey, Reference(order), cancellationToken), fulfilment);
        return (ActionResult.Done(Message.Of("Integrations:Run:PaymentVoided", ("id", id))), null);
    }
}
