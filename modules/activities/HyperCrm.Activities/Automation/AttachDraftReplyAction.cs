using HyperCrm.Activities.Messages;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Automation;

/// <summary>
/// <c>activities.attach_draft_reply</c>: attaches a reply to a customer's message in the support inbox for a person to check
/// and send; it sends nothing itself. The latest draft wins, so a re-executed step leaves one draft.
/// </summary>
public sealed class AttachDraftReplyAction(IMessageIntegrationService messages) : IAutomationAction
{
    public const int MaxLength = 4000;

    public ActionDescriptor Descriptor { get; } = new("activities.attach_draft_reply", "activities",
        "Attach a drafted reply to a customer's message, for a person to send", HasSideEffects: true,
    [
        new("message_id", FieldType.Text, true, "the customer's message", "{{message.id}}"),
        new("text", FieldType.Text, true, "the reply", "Hello {{customer.name}}, …"),
    ]);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("message_id") ?? throw new PermanentActionException("'message_id' is not a message id.");
        var text = context.Text("text")?.Trim() ?? throw new PermanentActionException("The reply is empty.");
        if (await messages.FindAsync(id, cancellationToken) is null) throw new PermanentActionException($"Message {id} does not exist.");
        var source = $"rule: {context.RuleName}";
        await messages.AttachDraftAsync(id, text.Length > MaxLength ? text[..MaxLength] : text, source.Length > 80 ? source[..80] : source,
            cancellationToken);
        return ActionResult.Done(Message.Of("Activities:Run:DraftAttached", ("length", text.Length)));
    }
}
