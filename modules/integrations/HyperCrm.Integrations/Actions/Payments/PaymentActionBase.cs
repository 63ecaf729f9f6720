using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// What the card payment actions share: only card orders have a gateway payment, the gateway's answer is checked, and
/// where the payment stands goes on the order (its page, the API and its history) once it is saved here.
/// </summary>
public abstract class PaymentActionBase(IntegrationsDbContext db, IOrderIntegrationService orders, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    protected static bool IsCard(OrderDto order) => order.PaymentMethod == PaymentMethod.Card;

    /// <summary>Takes the gateway's answer into the fulfilment record; returns its status.</summary>
    protected string Answered(PaymentAnswer answer, OrderFulfilment fulfilment)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(fulfilment);
        var id = Require.Text("payments", answer.Id, "id");
        var status = Require.Text("payments", answer.Status, "status");
        // Only the states an order's payment can be in (PaymentState); anything else is an answer we cannot trust.
        if (StateOf(status) is null) throw new ConnectorResponseException("payments", $"unknown payment status '{status}'.");
        fulfilment.PaymentAnswered(id, status, answer.Reason, Clock.GetUtcNow());
        return status;
    }

    protected override async Task AfterSaveAsync(ActionContext context, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fulfilment);
        if (StateOf(fulfilment.PaymentStatus) is { } state)
            await Orders.RecordPaymentAsync(fulfilment.Id, state, fulfilment.PaymentReason, ActorKind.Rule, context.RuleName,
                cancellationToken);
    }

    /// <summary>The state a gateway's status word names (by name only: "1" is not a state).</summary>
    public static PaymentState? StateOf(string? status) =>
        Enum.GetValues<PaymentState>().Cast<PaymentState?>().FirstOrDefault(s => string.Equals(s.ToString(), status,
            StringComparison.OrdinalIgnoreCase));
}
