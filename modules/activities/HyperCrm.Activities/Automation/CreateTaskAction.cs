using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Automation;

/// <summary>Rules create tasks for people: <c>activities.create_task</c>. Idempotent by the step's key.</summary>
public sealed class CreateTaskAction(IActivitiesIntegrationService activities, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.create_task", "activities",
        "Create a task for a person, linked to the run's order, deal or customer", HasSideEffects: true,
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
            ? Enum.TryParse<WorkTaskPriority>(p, ignoreCase: true,
                out var parsed) ? parsed : throw new PermanentActionException($"'{p}' is not a priority (low, normal, high, urgent).")
            : WorkTaskPriority.Normal;
        var assignee = context.Text("assignee") is { } a ? Guid.TryParse(a,
            out var id) ? id : throw new PermanentActionException($"'{a}' is not a user id.") : (Guid?)null;
        var (kind, link) = ActivityLinks.Of(context);
        var input = new CreateWorkTaskDto
        {
            Title = title.Length > 200 ? title[..200]
                : title, Description = context.Text("description"), Priority = priority, AssigneeId = assignee,
            DueDate = context.Number("due_in_days") is { } days ? DateOnly.FromDateTime(clock.GetUtcNow().AddDays((double)days)
                .UtcDateTime) : null,
            LinkKind = kind, LinkId = link, CustomerId = ActivityLinks.Customer(context), SourceKey = context.IdempotencyKey,
        };
        var taskId = await activities.CreateTaskAsync(input, $"rule: {context.RuleName}", byRule: true, cancellationToken);
        return ActionResult.Done(assignee is null
                ? Message.Of("Activities:Run:TaskUnassigned", ("title", input.Title))
                : Message.Of("Activities:Run:TaskFor", ("title", input.Title), ("assignee", assignee)),
            new Dictionary<string, object?> { ["task_id"] = taskId.ToString() });
    }
}
