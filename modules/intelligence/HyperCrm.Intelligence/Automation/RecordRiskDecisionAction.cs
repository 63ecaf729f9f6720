using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Application;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.record_risk_decision</c>: a person decided about an order the model flagged (approved it, or rejected it as
/// fraud). The decision overrides the model for this order (<c>ai.score_order</c> answers with it from then on), goes on
/// the order's history with who and why, and is kept as a label for the next training. Once per run step.
/// </summary>
public sealed class RecordRiskDecisionAction(RiskDecisions decisions) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("ai.record_risk_decision", "intelligence",
        "Record a person's decision on a flagged order: it overrides the model and becomes a training label", true,
    [
        new("fraud", FieldType.Boolean, true, "true: the person judged it fraud; false: the order is fine", "false"),
        new("decided_by", FieldType.Text, true, "who decided", "{{approval.decided_by}}"),
        new("reason", FieldType.Text, false, "why", "{{approval.comment}}"),
    ]);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId)
            throw new PermanentActionException("The run is not about an order.");
        var fraud = context.Parameters.GetValueOrDefault("fraud") is true or "true" or "True";
        var decidedBy = context.Text("decided_by") is { Length: > 0 } who ? who : context.RuleName;
        // The run's step may be executed again after a crash: the decision of this step is recorded once.
        if (!await decisions.RecordAsync(orderId, fraud, decidedBy, context.Text("reason"), cancellationToken))
            return ActionResult.Done(Message.Of("Intelligence:Run:DecisionKept"));
        return ActionResult.Done(Message.Of(fraud ? "Intelligence:Run:JudgedFraud" : "Intelligence:Run:JudgedFine", ("by", decidedBy)));
    }
}
