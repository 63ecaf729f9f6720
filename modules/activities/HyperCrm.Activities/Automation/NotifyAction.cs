using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Activities.Automation;

/// <summary><c>activities.notify</c>: an in-app notification for one user. Idempotent by the step's key.</summary>
public sealed class NotifyAction(IActivitiesIntegrationService activities) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("activities.notify", "activities", "Send an in-app notification to a user",
        HasSideEffects: true,
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
        await activities.NotifyAsync(user, context.Text("title") ?? throw new PermanentActionException("The notification has no title."),
            url, context.IdempotencyKey, cancellationToken);
        return ActionResult.Done(Message.Of("Activities:Run:Notified", ("user", user)));
    }
}
