using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Application;
using HyperCrm.Customers.Data;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Customers.Automation;

/// <summary><c>customers.add_tag</c>: tags the run's customer (e.g. "vip" after a large order). Adding a tag it has does nothing.</summary>
public sealed class AddCustomerTagAction(CustomersDbContext db, TimelineWriter timeline) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("customers.add_tag", "customers", "Add a tag to the customer", HasSideEffects: true,
    [
        new("tag", FieldType.Text, true, "the tag", "vip"),
        new("customer", FieldType.Text, false, "the customer id; the run's customer when empty", "{{customer.id}}"),
    ]);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("customer")
                 ?? (Guid.TryParse(context.Data.GetValueOrDefault("customer.id")?.ToString(), out var fromData) ? fromData : (Guid?)null)
                 ?? (context.SubjectKind == "customer" ? context.SubjectId : null)
                 ?? throw new PermanentActionException("The run is not about a customer.");
        var tag = context.Text("tag")?.Trim().ToLowerInvariant() ?? throw new PermanentActionException("No tag given.");
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, cancellationToken)
                       ?? throw new PermanentActionException($"Customer {id} does not exist.");
        if (customer.Tags.Contains(tag)) return ActionResult.Done(Message.Of("Customers:Run:AlreadyTagged", ("customer", customer.Name),
            ("tag", tag)));
        try
        {
            customer.SetTags([.. customer.Tags, tag]);
        }
        catch (HyperCrm.Framework.Domain.BusinessException ex)
        {
            throw new PermanentActionException(ex.Message);
        }
        timeline.Add(customer.Id, "customer.tagged", Message.Of("Customers:Timeline:Tagged", ("tag", tag)), null,
            HyperCrm.Customers.Timeline.ActorKind.Rule, context.RuleName);
        await db.SaveChangesAsync(cancellationToken);
        return ActionResult.Done(Message.Of("Customers:Run:Tagged", ("customer", customer.Name), ("tag", tag)));
    }
}
