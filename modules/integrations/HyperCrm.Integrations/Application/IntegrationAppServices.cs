using System.Diagnostics;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Partners;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Integrations.Webhooks;
using HyperCrm.Sales.Products;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Application;

public sealed class ConnectorAppService(
    IntegrationsDbContext db,
    ConnectorSettingsProvider settings,
    ConnectorHealthRegistry health,
    IErpApi erp,
    IWmsApi wms,
    ICourierApi courier,
    ISmsApi sms,
    IEmailApi email,
    IProductIntegrationService products,
    ICurrentUser currentUser,
    ISecurityAuditLogger audit,
    TimeProvider clock) : IConnectorAppService
{
    public async Task<IReadOnlyList<ConnectorDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        settings.Invalidate();
        var all = await settings.GetAllAsync(cancellationToken);
        return ConnectorNames.All.Select(n => ToDto(all[n])).ToList();
    }

    public async Task<ConnectorDto> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ToDto(await settings.GetAsync(Known(name), cancellationToken));

    public async Task<ConnectorDto> UpdateAsync(string name, UpdateConnectorDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        name = Known(name);
        if (!Uri.TryCreate(input.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BusinessException("Integrations:BadUrl", "The base URL must be an absolute http or https URL.", 400);
        var row = await db.Connectors.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (row is null)
        {
            row = new ConnectorSetting(Guid.CreateVersion7(), name);
            db.Connectors.Add(row);
        }
        var secret = string.IsNullOrEmpty(input.Secret) ? null : Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(settings.Protector, input.Secret);
        row.Update(input.BaseUrl, input.UserName, secret, input.TimeoutSeconds, currentUser.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        settings.Invalidate();
        // Who pointed a connector where, and whether its secret changed (never the secret itself).
        await audit.LogAsync("connector.updated", true, name, $"{row.BaseUrl}; timeout {row.TimeoutSeconds} s{(secret is null ? string.Empty : "; secret replaced")}", cancellationToken);
        return await GetAsync(name, cancellationToken);
    }

    public IReadOnlyList<ConnectorHealthDto> GetHealth() => ConnectorNames.All.Select(health.Snapshot).ToList();

    public async Task<ConnectionTestDto> TestAsync(string name, CancellationToken cancellationToken = default)
    {
        name = Known(name);
        var watch = Stopwatch.StartNew();
        try
        {
            var message = name switch
            {
                ConnectorNames.Erp => $"{(await erp.GetStockAsync(cancellationToken)).Value?.Count ?? 0} stock lines read",
                ConnectorNames.Wms => (await wms.PingAsync(cancellationToken)).Status ?? "ok",
                ConnectorNames.Courier => (await courier.PingAsync(cancellationToken)).Status ?? "ok",
                ConnectorNames.Sms => (await sms.PingAsync(cancellationToken)).Status ?? "ok",
                _ => (await email.PingAsync(cancellationToken)).Status ?? "ok",
            };
            return new ConnectionTestDto(true, message, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or Refit.ApiException or TimeoutException or OperationCanceledException or Polly.CircuitBreaker.BrokenCircuitException
                                   or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestDto(false, ex is Refit.ApiException api ? $"HTTP {(int)api.StatusCode}" : ex.Message, watch.ElapsedMilliseconds);
        }
    }

    public async Task<string> SyncStockAsync(CancellationToken cancellationToken = default)
    {
        var balance = await erp.GetStockAsync(cancellationToken);
        var rows = balance.Value ?? throw new ConnectorResponseException("erp", "the stock answer has no 'value'.");
        var levels = rows.Select(r => new StockLevelDto(Require.Text("erp", r.Sku, "Sku"), r.Description ?? r.Sku!, r.Price ?? 0, Require.Value("erp", r.OnHand, "OnHand"),
            r.Reserved ?? 0)).ToList();
        var result = await products.ApplyStockAsync(levels, cancellationToken);
        return $"{levels.Count} SKUs read from the ERP: {result.Updated} updated, {result.Created} new, {result.Unchanged} unchanged";
    }

    private static string Known(string name) =>
        ConnectorNames.All.FirstOrDefault(n => n == name) ?? throw new BusinessException("Integrations:UnknownConnector", $"There is no connector '{name}'.", 404);

    private static ConnectorDto ToDto(ConnectorConfig c) =>
        new(c.Name, c.BaseUrl, c.UserName, c.Secret is { Length: > 0 }, c.TimeoutSeconds, c.IsConfigured, c.UsesSandboxDefault);
}

public sealed class WebhookSubscriptionAppService(IntegrationsDbContext db, OutboundUrlGuard guard, WebhookSecrets secrets, WebhookSignal signal,
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

    public async Task<CreatedWebhookSubscriptionDto> CreateAsync(CreateWebhookSubscriptionDto input, Guid partnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unknown = input.Events.Where(e => !WebhookEventTypes.All.Contains(e)).ToList();
        if (unknown.Count > 0)
            throw new BusinessException("Integrations:UnknownEvent", $"Unknown event type(s): {string.Join(", ", unknown)}; use {string.Join(", ", WebhookEventTypes.All)}.", 422);
        if (input.Secret is { Length: > 0 } given && !WebhookSecrets.IsValid(given))
            throw new BusinessException("Integrations:BadSecret", "The secret must be 'whsec_' followed by base64 of 24 to 64 random bytes (or leave it out).", 422);
        if (await guard.CheckAsync(input.Url.Trim(), cancellationToken) is { } refused)
            throw new BusinessException("Integrations:UrlRefused", refused, 422);
        if (await db.Subscriptions.CountAsync(s => s.PartnerId == partnerId && !s.IsDeleted, cancellationToken) >= MaxSubscriptionsPerPartner)
            throw new BusinessException("Integrations:TooManySubscriptions", $"A partner may have at most {MaxSubscriptionsPerPartner} subscriptions.", 422);
        var secret = input.Secret is { Length: > 0 } s ? s : WebhookSecrets.Generate();
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), partnerId, input.Url.Trim(), input.Events, secrets.Protect(secret), clock.GetUtcNow());
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var partnerName = await partners.FindNameAsync(partnerId, cancellationToken);
        await audit.LogAsync("webhook_subscription.created", true, partnerName, $"{subscription.Url} ({string.Join(", ", subscription.Events)})", cancellationToken);
        return new CreatedWebhookSubscriptionDto(ToDto(subscription, partnerName), secret);
    }

    public async Task DeleteAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && !s.IsDeleted && (partnerId == null || s.PartnerId == partnerId), cancellationToken)
                           ?? throw NotFound("subscription", id);
        subscription.Delete();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Deliveries.Where(d => d.SubscriptionId == id && d.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.LogAsync("webhook_subscription.deleted", true, await partners.FindNameAsync(subscription.PartnerId, cancellationToken), subscription.Url, cancellationToken);
    }

    public async Task<DeliveryPageDto> GetDeliveriesAsync(Guid? partnerId, Guid? subscriptionId, DeliveryState? state, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 200);
        var query = db.Deliveries.AsNoTracking();
        if (partnerId is { } p) query = query.Where(d => d.PartnerId == p);
        if (subscriptionId is { } sid) query = query.Where(d => d.SubscriptionId == sid);
        if (state is { } st) query = query.Where(d => d.State == st);
        if (cursor is { Length: > 0 })
        {
            if (!Guid.TryParse(cursor, out var after)) throw new BusinessException("Common:BadCursor", "The cursor is not valid.", 400);
            query = query.Where(d => d.Id.CompareTo(after) < 0);
        }
        var page = await query.OrderByDescending(d => d.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = await ToDtosAsync(page.Take(limit).ToList(), cancellationToken);
        return new DeliveryPageDto(items, page.Count > limit ? page[limit - 1].Id.ToString() : null);
    }

    public async Task<WebhookDeliveryDto> ReplayAsync(Guid deliveryId, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && (partnerId == null || d.PartnerId == partnerId), cancellationToken)
                       ?? throw NotFound("delivery", deliveryId);
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is not { IsActive: true, IsDeleted: false })
            throw new BusinessException("Integrations:SubscriptionDisabled", "The subscription is disabled or deleted; create a new one to receive events again.", 409);
        delivery.Replay(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return (await ToDtosAsync([delivery], cancellationToken))[0];
    }

    private async Task<List<WebhookDeliveryDto>> ToDtosAsync(List<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Number).ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var urls = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Url, cancellationToken);
        return deliveries.Select(d => new WebhookDeliveryDto(d.Id, d.SubscriptionId, urls.GetValueOrDefault(d.SubscriptionId) ?? string.Empty, d.EventType, d.OrderId, d.State, d.Attempts,
            d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError,
            attempts[d.Id].Select(a => new WebhookAttemptDto(a.Number, a.At, a.StatusCode, a.Error, a.Milliseconds)).ToList())).ToList();
    }

    private static BusinessException NotFound(string what, Guid id) => new("Common:NotFound", $"There is no {what} {id}.", 404);

    private static WebhookSubscriptionDto ToDto(WebhookSubscription s, string? partnerName) =>
        new(s.Id, s.PartnerId, partnerName, s.Url, s.Events, s.IsActive, s.DisabledReason, s.CreationTime);
}
