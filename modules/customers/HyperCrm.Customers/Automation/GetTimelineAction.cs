using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Automation;

/// <summary><c>customers.get_timeline</c>: the customer's latest timeline entries (what happened, who did it, why), newest first.</summary>
public sealed class GetTimelineAction(ICustomerTimelineAppService timeline) : IAutomationAction
{
    public const int MaxEntries = 30;

    public ActionDescriptor Descriptor { get; } = new("customers.get_timeline", "customers",
        "Read the customer's latest timeline entries, newest first", HasSideEffects: false,
    [
        new("customer_id", FieldType.Text, true, "the customer's id", "{{customer.id}}"),
        new("limit", FieldType.Number, false, $"how many entries (1–{MaxEntries}, default 10)", "10"),
    ])
    {
        Outputs =
        [
            new("entries", FieldType.Text, "the entries as JSON: at, title, actor, reason"),
            new("count", FieldType.Number, "how many entries were read"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("customer_id") ?? throw new PermanentActionException("'customer_id' is not a customer id.");
        var limit = (int)Math.Clamp(context.Number("limit") ?? 10, 1, MaxEntries);
        var entries = await timeline.GetAsync(id, null, limit, cancellationToken);
        var json = JsonSerializer.Serialize(entries.Select(e => new
        {
            at = e.At, title = e.Title, actor = CatalogValues.WireName(e.Actor), by = e.ActorName, reason = e.Reason,
        }), JsonSerializerOptions.Web);
        return ActionResult.Done(Message.Of("Customers:Run:TimelineRead", ("count", entries.Count)),
            new Dictionary<string, object?> { ["entries"] = json, ["count"] = (decimal)entries.Count });
    }
}
