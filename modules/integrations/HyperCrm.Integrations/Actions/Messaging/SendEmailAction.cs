using HyperCrm.Automation.Catalog;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

public sealed class SendEmailAction(IntegrationsDbContext db, IOrderIntegrationService orders, IEmailApi email,
    TimeProvider clock) : SendMessageActionBase(db, orders, email, clock)
{
    protected override bool IsEmail => true;

    public override ActionDescriptor Descriptor { get; } = new("email.send", "integrations", "Send an email to the customer", true,
    [
        new("to", FieldType.Text, true, "the email address", "{{customer.email}}"),
        new("subject", FieldType.Text, true, "the subject", "Order #{{order.number}} has shipped"),
        new("text", FieldType.Text, true, "the message", "Tracking number: {{steps.ship.tracking_number}}"),
    ])
    {
        Outputs = [new("message_id", FieldType.Text, "the mail service's message id")],
    };
}
