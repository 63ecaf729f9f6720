using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Web;

namespace HyperCrm.Activities.Automation;

/// <summary>Rules create tasks for people: <c>activities.create_task</c>. Idempotent by the step's key.</summary>
public sealed class CreateTaskAction(IActivitiesIntegrationService activities, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.create_task", "activities", "Create a task for a person, linked to the run's order, deal or customer", HasSideEffects: true,
    [
        new("title", FieldType.Text, true, "what to do", "Call {{customer.name}} about order #{{order.number}}"),
        new("description", FieldType.Text, false, "details"),
        new("assignee", FieldType.Text, false, "the user id of who does it (e.g. {{customer.owner_id}}); unassigned when empty"),
        new("priority", FieldType.Text, false, "low, normal, high or urgent", "high"),
        new("due_in_days", FieldType.Number, false, "due this many days from now", "1"),
    ])
    {
        Outputs = [new("task_id", FieldType.Text, "the created task")],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var title = context.Text("title") ?? throw new PermanentActionException("The task has no title.");
        var priority = context.Text("priority") is { } p
            ? Enum.TryParse<WorkTaskPriority>(p, ignoreCase: true, out var parsed) ? parsed : throw new PermanentActionException($"'{p}' is not a priority (low, normal, high, urgent).")
            : WorkTaskPriority.Normal;
        var assignee = context.Text("assignee") is { } a ? Guid.TryParse(a, out var id) ? id : throw new PermanentActionException($"'{a}' is not a user id.") : (Guid?)null;
        var (kind, link) = ActivityLinks.Of(context);
        var input = new CreateWorkTaskDto
        {
            Title = title.Length > 200 ? title[..200] : title, Description = context.Text("description"), Priority = priority, AssigneeId = assignee,
            DueDate = context.Number("due_in_days") is { } days ? DateOnly.FromDateTime(clock.GetUtcNow().AddDays((double)days).UtcDateTime) : null,
            LinkKind = kind, LinkId = link, CustomerId = ActivityLinks.Customer(context), SourceKey = context.IdempotencyKey,
        };
        var taskId = await activities.CreateTaskAsync(input, $"rule: {context.RuleName}", byRule: true, cancellationToken);
        return ActionResult.Done($"task \"{input.Title}\"" + (assignee is null ? " (unassigned)" : $" for {assignee}"), new Dictionary<string, object?> { ["task_id"] = taskId.ToString() });
    }
}

/// <summary><c>activities.notify</c>: an in-app notification for one user. Idempotent by the step's key.</summary>
public sealed class NotifyAction(IActivitiesIntegrationService activities) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.notify", "activities", "Send an in-app notification to a user", HasSideEffects: true,
    [
        new("user", FieldType.Text, true, "the user id to notify", "{{customer.owner_id}}"),
        new("title", FieldType.Text, true, "the message", "VIP order #{{order.number}} arrived"),
        new("url", FieldType.Text, false, "a page of this app to open", "/Orders/Details?id={{order.id}}"),
    ]);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.Id("user") ?? throw new PermanentActionException($"'{context.Text("user")}' is not a user id.");
        var url = context.Text("url") is { } u && LocalUrl.IsLocal(u) ? u : null;
        await activities.NotifyAsync(user, context.Text("title") ?? throw new PermanentActionException("The notification has no title."), url, context.IdempotencyKey, cancellationToken);
        return ActionResult.Done($"notified {user}");
    }
}

/// <summary>
/// <c>activities.request_approval</c>: opens an approval for a person and makes the run wait for the decision
/// (<c>approval.approved</c>, <c>approval.comment</c>). Asking again with the same key returns the same approval.
/// </summary>
public sealed class RequestApprovalAction(IActivitiesIntegrationService activities) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.request_approval", "activities", "Ask a person to approve or reject, and wait for the decision", HasSideEffects: true,
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
        return new ActionResult($"approval {id} requested", new Dictionary<string, object?> { ["approval_id"] = id.ToString() })
        {
            Wait = new WaitRequest("activities.approval.decided", id, TimeSpan.FromDays(1)),
        };
    }
}

/// <summary>The decision of an approval as trigger data: <c>approval.*</c>, about the approval's order, deal or customer.</summary>
public sealed class ApprovalDecidedEnricher : ITriggerEnricher
{
    public string EventName => "activities.approval.decided";

    public IReadOnlyList<CatalogField> Fields { get; } =
    [
        new("approval.id", FieldType.Text, "the approval"),
        new("approval.approved", FieldType.Boolean, "true when approved, false when rejected"),
        new("approval.comment", FieldType.Text, "the decider's comment"),
        new("approval.decided_by", FieldType.Text, "who decided"),
    ];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var decided = (ApprovalDecidedEto)eventData;
        ArgumentNullException.ThrowIfNull(values);
        values["approval.id"] = decided.ApprovalId.ToString();
        values["approval.approved"] = decided.Approved;
        values["approval.comment"] = decided.Comment;
        values["approval.decided_by"] = decided.DecidedBy;
        var correlations = new List<Guid> { decided.ApprovalId };
        if (decided.LinkId is { } link) correlations.Add(link);
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, decided.LinkKind.ToString().ToLowerInvariant(), decided.LinkId,
            $"{(decided.Approved ? "approved" : "rejected")} by {decided.DecidedBy}") { Correlations = correlations });
    }
}

internal static class ActivityLinks
{
    public static (LinkKind Kind, Guid? Id) Of(ActionContext context) => context.SubjectKind switch
    {
        "order" => (LinkKind.Order, context.SubjectId),
        "deal" => (LinkKind.Deal, context.SubjectId),
        "customer" => (LinkKind.Customer, context.SubjectId),
        _ => (LinkKind.None, null),
    };

    public static Guid? Customer(ActionContext context) =>
        Guid.TryParse(context.Data.GetValueOrDefault("customer.id")?.ToString(), out var id) ? id : context.SubjectKind == "customer" ? context.SubjectId : null;
}
