using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// Records a person's decision about an order's fraud risk: a label with the features the model last saw for the order
/// (what the next training learns from; it overrides the model for this order from now on) and a step on the order's
/// history with who and why. The same decision twice is kept once.
/// </summary>
public sealed class RiskDecisions(IntelligenceDbContext db, IOrderIntegrationService orders, TimeProvider clock)
{
    /// <summary>False when the very same decision was already recorded.</summary>
    public async Task<bool> RecordAsync(Guid orderId, bool fraud, string decidedBy, string? reason, CancellationToken cancellationToken)
    {
        if (await db.RiskLabels.AnyAsync(l => l.OrderId == orderId && l.DecidedBy == decidedBy && l.Fraud == fraud && l.Reason == reason,
                cancellationToken))
            return false;
        var scored = await db.RiskScores.AsNoTracking().Where(s => s.OrderId == orderId).OrderByDescending(s => s.At)
            .FirstOrDefaultAsync(cancellationToken);
        db.RiskLabels.Add(new RiskLabel(Guid.CreateVersion7(), orderId, fraud, decidedBy, reason, scored, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await orders.RecordStepAsync(orderId, "risk.decided", ActorKind.Human, decidedBy, Message.Of(
            fraud ? "Intelligence:Step:JudgedFraud" : "Intelligence:Step:JudgedFine", ("reason", reason ?? "—")), cancellationToken);
        return true;
    }
}
