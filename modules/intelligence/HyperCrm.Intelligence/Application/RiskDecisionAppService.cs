using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Intelligence.Application;

/// <summary>The override from the order's page (the page checks <see cref="IntelligencePermissions.DecideRisk"/>).</summary>
public sealed class RiskDecisionAppService(RiskDecisions decisions, IOrderIntegrationService orders, ICurrentUser user,
    ISecurityAuditLogger audit) : IRiskDecisionAppService
{
    public async Task DecideAsync(Guid orderId, bool fraud, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > RiskLabel.MaxReasonLength)
            throw BusinessException.ForField("Intelligence:DecisionNeedsReason", "reason",
                $"Say why (up to {RiskLabel.MaxReasonLength} characters): the reason stays with the decision.");
        var order = await orders.FindAsync(orderId, cancellationToken) ?? throw new EntityNotFoundException(typeof(OrderDto), orderId);
        var who = user.UserName ?? user.Email ?? "?";
        if (await decisions.RecordAsync(order.Id, fraud, who, reason.Trim(), cancellationToken))
            await audit.LogAsync("ai.risk.overridden", true, $"order #{order.Number}",
                $"{(fraud ? "fraud" : "not fraud")}: {reason.Trim()}", cancellationToken);
    }
}
