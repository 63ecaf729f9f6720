using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Automation;

/// <summary>
/// <c>sales.close_order_deal</c>: the order's deal is won (the order completed) or lost (cancelled, failed, returned; the
/// reason goes on the deal). A won deal whose order comes back (returned) is lost after all; a lost deal stays lost; an
/// order without a deal (the opening rule was off) is left alone.
/// </summary>
public sealed class CloseOrderDealAction(SalesDbContext db, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.close_order_deal", "sales",
        "Mark the order's deal won or lost", HasSideEffects: true,
    [
        new("won", FieldType.Boolean, true, "true: won (the order completed); false: lost", "true"),
        new("reason", FieldType.Text, false, "why it was lost (required when lost)", "{{order.status_reason}}"),
    ]);

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId)
            throw new PermanentActionException("The run is not about an order.");
        var won = context.Parameters.GetValueOrDefault("won") is true or "true" or "True";
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.OrderId == orderId, cancellationToken);
        if (deal is null) return ActionResult.Done(Message.Of("Sales:Run:NoOrderDeal"));
        var pipeline = await db.Pipelines.AsNoTracking().FirstAsync(p => p.Id == deal.PipelineId, cancellationToken);
        var stage = pipeline.Stages.FirstOrDefault(s => won ? s.IsWon : s.IsLost)
            ?? throw new PermanentActionException($"The pipeline {pipeline.Name} has no {(won ? "won" : "lost")} stage.");
        if (deal.StageId == stage.Id || pipeline.Stages.Any(s => s.Id == deal.StageId && s.IsLost))
            return ActionResult.Done(Message.Of("Sales:Run:OrderDealAlreadyClosed", ("title", deal.Title)));
        var reason = context.Text("reason") is { Length: > 0 } why ? why : won ? null : context.RuleName;
        try
        {
            deal.MoveTo(stage, reason, ActorKind.Rule, context.RuleName, clock.GetUtcNow());
        }
        catch (BusinessException ex)
        {
            throw new PermanentActionException(ex.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ActionResult.Done(Message.Of(won ? "Sales:Run:OrderDealWon" : "Sales:Run:OrderDealLost", ("title", deal.Title)));
    }
}
