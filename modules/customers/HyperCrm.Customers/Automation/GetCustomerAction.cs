using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Automation;

/// <summary>
/// <c>customers.get_customer</c>: reads a customer for a rule or an agent — name, segment, tags and owner; never their email
/// or phone, which a reply drafted from it does not need.
/// </summary>
public sealed class GetCustomerAction(ICustomerIntegrationService customers) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("customers.get_customer", "customers", "Read a customer (name, segment, tags, owner)",
        HasSideEffects: false,
    [
        new("customer_id", FieldType.Text, true, "the customer's id", "{{customer.id}}"),
    ])
    {
        Outputs =
        [
            new("name", FieldType.Text, "the customer's name"),
            new("segment", FieldType.Text, "new, regular, vip, at_risk or lost"),
            new("tags", FieldType.List, "the customer's tags"),
            new("owner_id", FieldType.Text, "the user who owns the customer"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("customer_id") ?? throw new PermanentActionException("'customer_id' is not a customer id.");
        var customer = await customers.FindAsync(id, cancellationToken)
            ?? throw new PermanentActionException($"Customer {id} does not exist.");
        return ActionResult.Done(Message.Of("Customers:Run:Read", ("customer", customer.Name)), new Dictionary<string, object?>
        {
            ["name"] = customer.Name, ["segment"] = customer.Segment is { } segment ? CatalogValues.WireName(segment) : null,
            ["tags"] = customer.Tags.ToList(), ["owner_id"] = customer.OwnerId?.ToString(),
        });
    }
}
