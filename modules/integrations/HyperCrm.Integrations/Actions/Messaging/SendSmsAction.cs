using HyperCrm.Automation.Catalog;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

public sealed class SendSmsAction(IntegrationsDbContext db, IOrderIntegrationService orders, ISmsApi sms,
    TimeProvider clock) : SendMessageActionBase(db, orders, sms, clock)
{
    protected override bool IsEmail => false;

    public override ActionDescriptor Descriptor { get; } = new("sms.send", "integrations", "Send an SMS to the customer", true,
    [
        new("to", FieldType.Text, true, "the phone number (E.164)", "{{customer.phone}}"),
        new("text", FieldType.Text, true, "the message", "Your order #{{order.number}} has shipped"),
    ])
    {
        Outputs = [new("message_id", FieldType.Text, "the gateway's message id")],
    };
}
