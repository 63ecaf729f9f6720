using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Application;

public sealed class OrderIntegrationService(SalesDbContext db, TimeProvider clock) : IOrderIntegrationService
{
    public async Task<OrderDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToDto();

    public async Task<OrderDto?> FindByExternalIdAsync(Guid partnerId, string externalId, CancellationToken cancellationToken = default) =>
        (await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.PartnerId == partnerId && o.ExternalId == externalId,
            cancellationToken))?.ToDto();

    public async Task RecordStepAsync(Guid orderId, string what, ActorKind actor, string? actorName, Message? note,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || !order.RecordStep(what, new Actor(actor, actorName), note, clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordPaymentAsync(Guid orderId, PaymentState state, string? reason, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || !order.RecordPayment(state, reason, new Actor(actor, actorName), clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
