using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Activities.Messages;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperCrm.Activities.Application;

public sealed class MessageIntegrationService(ActivitiesDbContext db, ICustomerIntegrationService customers,
    IOrderIntegrationService orders, TimeProvider clock) : IMessageIntegrationService
{
    public async Task<InboundMessageDto> ReceiveAsync(ReceiveMessageDto input, Guid? partnerId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await FindByExternalIdAsync(partnerId, input.ExternalId, cancellationToken) is { } known) return known;
        // The order the sender names says who the customer is; else their email or phone does; else nobody yet.
        Guid? customerId = null;
        if (input.OrderId is { } orderId)
        {
            customerId = await orders.FindCustomerOfAsync(orderId, partnerId, cancellationToken)
                ?? throw BusinessException.ForField("Activities:UnknownOrder", nameof(input.OrderId),
                    "There is no such order you may refer to.");
        }
        customerId ??= (await customers.FindByContactAsync(input.FromEmail, input.FromPhone, cancellationToken))?.Id;
        var message = new InboundMessage(Guid.CreateVersion7(), input, customerId, partnerId, clock.GetUtcNow());
        db.Messages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same message relayed twice at once: the first one stands.
            db.Entry(message).State = EntityState.Detached;
            return (await FindByExternalIdAsync(partnerId, input.ExternalId, cancellationToken))!;
        }
        return message.ToDto();
    }

    public async Task<InboundMessageDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken))?.ToDto();

    public async Task AttachDraftAsync(Guid id, string text, string source, CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null) return;
        message.AttachDraft(text, source);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordTriageAsync(Guid id, string intent, double intentConfidence, string sentiment, string language, string model,
        CancellationToken cancellationToken = default)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null) return;
        message.RecordTriage(intent, intentConfidence, sentiment, language, model);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<InboundMessageDto?> FindByExternalIdAsync(Guid? partnerId, string? externalId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(externalId)) return null;
        var trimmed = externalId.Trim();
        return (await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.PartnerId == partnerId && m.ExternalId == trimmed,
            cancellationToken))?.ToDto();
    }
}
