using HyperCrm.Activities.Messages;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Drafting;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.draft_message</c>: drafts a reply to a customer's message or a review request, with the language model set in
/// Settings → AI or, without one (or when it fails or is slow), the localized template. It sends nothing: a reply is
/// attached to the message in the support inbox for a person to check and send; the rule sends a review request itself
/// with an SMS or email step, using <c>steps.&lt;id&gt;.text</c>.
/// </summary>
public sealed class DraftMessageAction(MessageDrafter drafter, IMessageIntegrationService messages, IConfiguration configuration)
    : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("ai.draft_message", "intelligence",
        "Draft a reply to a customer's message or a review request (a language model, else a template)", true,
    [
        new("kind", FieldType.Text, true, "reply or review_request", "review_request"),
        new("language", FieldType.Text, false, "ru or en (empty: the message's, else the installation's)", "{{message.language}}"),
        new("customer_name", FieldType.Text, false, "whom it is for", "{{customer.name}}"),
        new("order_number", FieldType.Number, false, "the order it is about", "{{order.number}}"),
        new("text", FieldType.Text, false, "for a reply: what the customer wrote", "{{message.text}}"),
        new("intent", FieldType.Text, false, "for a reply: what triage read in it", "{{message.intent}}"),
        new("message_id", FieldType.Text, false, "for a reply: the message the draft is attached to", "{{message.id}}"),
    ])
    {
        Outputs =
        [
            new("text", FieldType.Text, "the drafted message"),
            new("source", FieldType.Text, "template, or llm:<model>"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.Text("kind") switch
        {
            "reply" => DraftKind.Reply,
            "review_request" => DraftKind.ReviewRequest,
            var other => throw new PermanentActionException($"'{other}' is not a kind of draft: reply or review_request."),
        };
        var given = context.Text("language");
        var language = given is "ru" or "en" ? given
            : InstallationCulture.Of(configuration).TwoLetterISOLanguageName == "ru" ? "ru" : "en";
        long? number = decimal.TryParse(context.Text("order_number"), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? (long)parsed : null;
        var draft = await drafter.DraftAsync(new DraftRequest(kind, language, context.Text("customer_name"), number, context.Text("text"),
            context.Text("intent")), cancellationToken);
        if (kind == DraftKind.Reply && Guid.TryParse(context.Text("message_id"), out var messageId))
            await messages.AttachDraftAsync(messageId, draft.Text, draft.Source, cancellationToken);
        return ActionResult.Done(draft.FallbackReason is null
            ? Message.Of("Intelligence:Run:Drafted", ("source", draft.Source))
            : Message.Of("Intelligence:Run:DraftedFromTemplate", ("reason", draft.FallbackReason)),
            new Dictionary<string, object?> { ["text"] = draft.Text, ["source"] = draft.Source });
    }
}
