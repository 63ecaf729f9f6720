using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
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

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        var to = context.Text("to") ?? throw new PermanentActionException("No recipient: the customer has no " + (IsEmail ? "email."
            : "phone."));
        var text = context.Text("text") ?? throw new PermanentActionException("No text.");
        var subject = IsEmail ? context.Text("subject") ?? "HyperCrm" : null;
        var answer = await api.SendAsync(new MessageRequest(to.Trim(), subject, text, Reference(order)), context.IdempotencyKey,
            Reference(order), cancellationToken);
        var id = Require.Text(Descriptor.Module, answer.Id, "id");
        var channel = IsEmail ? "Email" : "Sms";
        return (ActionResult.Done(Message.Of($"Integrations:Run:{channel}Sent", ("to", to)),
                new Dictionary<string, object?> { ["message_id"] = id }),
            Message.Of($"Integrations:Step:{channel}", ("to", to), ("text", text.Length > 120 ? text[..120] + "…" : text)));
    }
}
