using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>payments.authorize</c>: holds the order's total on the customer's card (card orders only; cash, invoice and SBP
/// orders skip it). The gateway answers <c>authorized</c> or <c>declined</c> (with its reason), or <c>pending</c>: then
/// the run waits for its webhook. An order already authorized is not authorized twice.
/// </summary>
public sealed class AuthorizePaymentAction(IntegrationsDbContext db, IOrderIntegrationService orders, IPaymentApi payments,
    TimeProvider clock) : PaymentActionBase(db, orders, clock)
{
    public const string PaymentTrigger = "integrations.payment.status_changed";

    public override ActionDescriptor Descriptor { get; } = new("payments.authorize", "integrations",
        "Authorize the card payment of the order's total; waits for the gateway when it answers later", true,
    [
        new("wait_minutes", FieldType.Number, false, "how long to wait for a late answer before the run goes on with wait.timed_out",
            "60"),
    ])
    {
        Outputs = [new("status", FieldType.Text, "authorized, declined, pending (then see event.status) or none (not a card order)"),
            new("reason", FieldType.Text, "why the gateway declined")],
        WaitsFor = PaymentTrigger,
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (!IsCard(order)) return (ActionResult.Done(Message.Of("Integrations:Run:NotACardPayment"), Outputs("none", null)), null);
        var minutes = (double)(context.Number("wait_minutes") ?? 60);
        var wait = new WaitRequest(PaymentTrigger, order.Id, TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 60 * 24 * 7)));
        if (fulfilment.PaymentStatus is "authorized" or "captured")
            return (ActionResult.Done(Message.Of("Integrations:Run:PaymentAlreadyAuthorized", ("id", fulfilment.PaymentId)),
                Outputs("authorized", null)), null);
        if (fulfilment.PaymentStatus == "pending")
            return (ActionResult.Done(Message.Of("Integrations:Run:PaymentPending", ("id", fulfilment.PaymentId)), Outputs("pending", null))
                with { Wait = wait }, null);
        var answer = await payments.AuthorizeAsync(new PaymentRequest(Reference(order), order.Total, order.Currency),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var status = Answered(answer, fulfilment);
        return status switch
        {
            "authorized" => (ActionResult.Done(Message.Of("Integrations:Run:PaymentAuthorized", ("total", order.Total),
                ("currency", order.Currency)), Outputs(status, null)), null),
            "declined" => (ActionResult.Done(Message.Of("Integrations:Run:PaymentDeclined", ("reason", answer.Reason)),
                Outputs(status, answer.Reason)), null),
            "pending" => (ActionResult.Done(Message.Of("Integrations:Run:PaymentPending", ("id", fulfilment.PaymentId)),
                Outputs(status, null)) with { Wait = wait }, null),
            _ => throw new ConnectorResponseException("payments", $"an authorization cannot be '{status}'."),
        };
    }

    private static Dictionary<string, object?> Outputs(string status, string? reason) => new() { ["status"] = status, ["reason"] = reason };
}
