using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Engine;

/// <summary><c>automation.log</c>: writes a message into the run log and nothing else (side-effect free, so it runs inline).</summary>
public sealed class LogAction : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("automation.log", "automation",
        "Write a message into the run log (no effect outside the run)", HasSideEffects: false,
    [
        new("message", FieldType.Text, true, "the message", "order #{{order.number}} looks ordinary"),
    ]);

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(ActionResult.Done(Message.Verbatim(context.Text("message") ?? string.Empty)));
    }
}
