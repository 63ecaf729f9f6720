using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.record_risk_decision</c>: a person decided about an order the model flagged (approved it, or rejected it as
/// fraud). The decision overrides the model for this order (<c>ai.score_order</c> answers with it from then on), goes on
/// the order's history with who and why, and is kept as a label for the next training. Once per run step.
/// </summary>
public sealed class RecordRiskDecisionAction(IntelligenceDbContext db, IOrderIntegrationService orders, TimeProvider clock)
    : IAutomationAction
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
        var reason = context.Text("reason");
        // The run's step may be executed again after a crash: the decision of this step is recorded once.
        if (await db.RiskLabels.AnyAsync(l => l.OrderId == orderId && l.DecidedBy == decidedBy && l.Fraud == fraud
                && l.Reason == reason, cancellationToken))
            return ActionResult.Done(Message.Of("Intelligence:Run:DecisionKept"));
        var scored = await db.RiskScores.AsNoTracking().Where(s => s.OrderId == orderId).OrderByDescending(s => s.At)
            .FirstOrDefaultAsync(cancellationToken);
        db.RiskLabels.Add(new RiskLabel(Guid.CreateVersion7(), orderId, fraud, decidedBy, reason, scored, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await orders.RecordStepAsync(orderId, "risk.decided", ActorKind.Human, decidedBy, Message.Of(
            fraud ? "Intelligence:Step:JudgedFraud" : "Intelligence:Step:JudgedFine", ("reason", reason ?? "—")), cancellationToken);
        return ActionResult.Done(Message.Of(fraud ? "Intelligence:Run:JudgedFraud" : "Intelligence:Run:JudgedFine", ("by", decidedBy)));
    }
}
