using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Partners;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Application;

public sealed class WebhookSubscriptionAppService(IntegrationsDbContext db, OutboundUrlGuard guard, WebhookSecrets secrets,
    WebhookSignal signal,
    IPartnerIntegrationService partners, ISecurityAuditLogger audit, TimeProvider clock) : IWebhookSubscriptionAppService
{
    public const int MaxSubscriptionsPerPartner = 20;

    public async Task<IReadOnlyList<WebhookSubscriptionDto>> GetListAsync(Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var query = db.Subscriptions.AsNoTracking().Where(s => !s.IsDeleted);
        if (partnerId is { } p) query = query.Where(s => s.PartnerId == p);
        var rows = await query.OrderByDescending(s => s.CreationTime).Take(500).ToListAsync(cancellationToken);
        var names = new Dictionary<Guid, string?>();
        foreach (var id in rows.Select(r => r.PartnerId).Distinct()) names[id] = await partners.FindNameAsync(id, cancellationToken);
        return rows.Select(r => ToDto(r, names.GetValueOrDefault(r.PartnerId))).ToList();
    }

    public async Task<CreatedWebhookSubscriptionDto> CreateAsync(CreateWebhookSubscriptionDto input, Guid partnerId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unknown = input.Events.Where(e => !WebhookEventTypes.All.Contains(e)).ToList();
        if (unknown.Count > 0)
            throw new BusinessException("Integrations:UnknownEvent",
                $"Unknown event type(s): {string.Join(", ", unknown)}; use {string.Join(", ", WebhookEventTypes.All)}.");
        if (input.Secret is { Length: > 0 } given && !WebhookSecrets.IsValid(given))
            throw new BusinessException("Integrations:BadSecret",
                "The secret must be 'whsec_' followed by base64 of 24 to 64 random bytes (or leave it out).");
        if (await guard.CheckAsync(input.Url.Trim(), cancellationToken) is { } refused)
            throw new BusinessException("Integrations:UrlRefused", refused);
        if (await db.Subscriptions.CountAsync(s => s.PartnerId == partnerId && !s.IsDeleted,
            cancellationToken) >= MaxSubscriptionsPerPartner)
            throw new BusinessException("Integrations:TooManySubscriptions",
                $"A partner may have at most {MaxSubscriptionsPerPartner} subscriptions.");
        var secret = input.Secret is { Length: > 0 } s ? s : WebhookSecrets.Generate();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), partnerId, input.Url.Trim(), input.Events,
            secrets.Protect(secret), clock.GetUtcNow());
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var partnerName = await partners.FindNameAsync(partnerId, cancellationToken);
        await audit.LogAsync("webhook_subscription.created", true, partnerName,
            $"{subscription.Url} ({string.Join(", ", subscription.Events)})", cancellationToken);
        return new CreatedWebhookSubscriptionDto(ToDto(subscription, partnerName), secret);
    }

    public async Task DeleteAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && !s.IsDeleted && (partnerId == null
            || s.PartnerId == partnerId), cancellationToken)
                           ?? throw NotFound("subscription", id);
        subscription.Delete();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Deliveries.Where(d => d.SubscriptionId == id && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.NextAttemptAt,
                (DateTimeOffset?)null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.LogAsync("webhook_subscription.deleted", true, await partners.FindNameAsync(subscription.PartnerId, cancellationToken),
            subscription.Url, cancellationToken);
    }

    public async Task<DeliveryPageDto> GetDeliveriesAsync(Guid? partnerId, Guid? subscriptionId, DeliveryState? state, int limit,
        string? cursor, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 200);
        var query = db.Deliveries.AsNoTracking();
        if (partnerId is { } p) query = query.Where(d => d.PartnerId == p);
        if (subscriptionId is { } sid) query = query.Where(d => d.SubscriptionId == sid);
        if (state is { } st) query = query.Where(d => d.State == st);
        if (cursor is { Length: > 0 })
        {
            if (!Guid.TryParse(cursor, out var after)) throw new BusinessException("Common:BadCursor", "The cursor is not valid.");
            query = query.Where(d => d.Id.CompareTo(after) < 0);
        }
        var page = await query.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = await ToDtosAsync(page.Take(limit).ToList(), cancellationToken);
        return new DeliveryPageDto(items, page.Count > limit ? page[limit - 1].Id.ToString() : null);
    }

    public async Task<WebhookDeliveryDto> ReplayAsync(Guid deliveryId, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && (partnerId == null || d.PartnerId == partnerId),
            cancellationToken)
                       ?? throw NotFound("delivery", deliveryId);
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId,
            cancellationToken);
        if (subscription is not { IsActive: true, IsDeleted: false })
            throw new BusinessException("Integrations:SubscriptionDisabled",
                "The subscription is disabled or deleted; create a new one to receive events again.");
        delivery.Replay(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return (await ToDtosAsync([delivery], cancellationToken))[0];
    }

    private async Task<List<WebhookDeliveryDto>> ToDtosAsync(List<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Number)
            .ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var urls = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Url,
            cancellationToken);
        return deliveries.Select(d => new WebhookDeliveryDto(d.Id, d.SubscriptionId,
            urls.GetValueOrDefault(d.SubscriptionId) ?? string.Empty, d.EventType, d.OrderId, d.State, d.Attempts,
            d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError,
            attempts[d.Id].Select(a => new WebhookAttemptDto(a.Number, a.At, a.StatusCode, a.Error, a.Milliseconds)).ToList())).ToList();
    }

    private static BusinessException NotFound(string what, Guid id) => new("Common:NotFound", $"There is no {what} {id}.");

    private static WebhookSubscriptionDto ToDto(WebhookSubscription s, string? partnerName) =>
        new(s.Id, s.PartnerId, partnerName, s.Url, s.Events, s.IsActive, s.DisabledReason, s.CreationTime);
}
