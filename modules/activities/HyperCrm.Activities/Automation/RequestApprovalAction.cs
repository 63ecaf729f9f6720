using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Automation;

/// <summary>
/// <c>activities.request_approval</c>: opens an approval for a person and makes the run wait for the decision
/// (<c>approval.approved</c>, <c>approval.comment</c>). Asking again with the same key returns the same approval.
/// </summary>
public sealed class RequestApprovalAction(IActivitiesIntegrationService activities) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.request_approval", "activities",
        "Ask a person to approve or reject, and wait for the decision", HasSideEffects: true,
    [
        new("title", FieldType.Text, true, "what to decide", "Release order #{{order.number}} ({{order.total}} {{order.currency}})?"),
        new("details", FieldType.Text, false, "why it is asked", "The order is unusually large for a new customer."),
    ])
    {
        Outputs = [new("approval_id", FieldType.Text, "the opened approval")],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (kind, link) = ActivityLinks.Of(context);
        var id = await activities.RequestApprovalAsync(new RequestApprovalInput(
            context.Text("title") ?? throw new PermanentActionException("The approval has no title."), context.Text("details"), kind, link,
            ActivityLinks.Customer(context), $"rule: {context.RuleName}", context.IdempotencyKey), cancellationToken);
        return new ActionResult(Message.Of("Activities:Run:ApprovalRequested", ("id", id)), new Dictionary<string,
            object?> { ["approval_id"] = id.ToString() })
        {
            Wait = new WaitRequest("activities.approval.decided", id, TimeSpan.FromDays(1)),
        };
    }
}
