using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Application;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.classify_message</c>: reads any text with the triage model (a message's, a task's, a note's) and says its intent,
/// sentiment and the model's confidence, for the rule to branch on. Writes nothing.
/// </summary>
public sealed class ClassifyMessageAction(TriageRegistry triage) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("ai.classify_message", "intelligence",
        "Read a text's intent and sentiment with the triage model", false,
        [new("text", FieldType.Text, true, "the text to read", "{{message.text}}")])
    {
        Outputs =
        [
            new("intent", FieldType.Text, "order_status, complaint, return, question or other"),
            new("sentiment", FieldType.Text, "negative, neutral or positive"),
            new("confidence", FieldType.Number, "how sure the model is of the intent, 0 to 1"),
            new("language", FieldType.Text, "ru or en"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text("text") is { Length: > 0 } given ? given : throw new PermanentActionException("No text to read.");
        var result = await Task.Run(() => triage.Model.Classify(text), cancellationToken);
        return ActionResult.Done(Message.Of("Intelligence:Run:MessageRead", ("intent", result.Intent), ("sentiment", result.Sentiment),
            ("confidence", Math.Round(result.IntentConfidence * 100))), new Dictionary<string, object?>
        {
            ["intent"] = result.Intent, ["sentiment"] = result.Sentiment, ["confidence"] = Math.Round(result.IntentConfidence, 3),
            ["language"] = result.Language,
        });
    }
}
