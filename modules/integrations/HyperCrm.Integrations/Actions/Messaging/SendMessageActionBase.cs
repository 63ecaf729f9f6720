using HyperCrm.Automation.Catalog;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>sms.send</c> and <c>email.send</c>: a message to the customer through the gateway.</summary>
public abstract class SendMessageActionBase(IntegrationsDbContext db, IOrderIntegrationService orders, IMessageApi api,
    TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    protected abstract bool IsEmail { get; }

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        var to = context.Text("to") ?? throw new PermanentActionException("No recipient: the customer has no " + (IsEmail ? "email."
            : "phone."));
        var text = context.Text("text") ?? throw new PermanentActionException("No text.");
        var subject = IsEmail ? context.Text("subject") ?? "HyperCrm" : null;
        var answer = await api.SendAsync(new MessageRequest(to.Trim(), subject, text, Reference(order)), context.IdempotencyKey,
            Reference(order), cancellationToken);
        var id = Require.Text(Descriptor.Module, answer.Id, "id");
        return (ActionResult.Done($"{(IsEmail ? "email" : "SMS")} to {to} sent", new Dictionary<string, object?> { ["message_id"] = id }),
            $"{(IsEmail ? "email" : "SMS")} to {to}: {(text.Length > 120 ? text[..120] + "…" : text)}");
    }
}
