using System.Text.Json;
using System.Text.Json.Serialization;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Events;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>
/// Turns order events into deliveries for the subscriptions of the partner that owns the order (inside the integrations
/// inbox transaction: a redelivered event adds none, and the unique (subscription, event) index guards it again).
/// </summary>
public sealed class OrderWebhookEventHandler(IntegrationsDbContext db, IOrderIntegrationService orders, WebhookSignal signal,
    TimeProvider clock)
    : IDistributedEventHandler<OrderCreatedEto>, IDistributedEventHandler<OrderStatusChangedEto>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<Guid, List<WebhookSubscription>> _subscriptions = [];

    public Task HandleEventAsync(OrderCreatedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return QueueAsync(eventData.PartnerId, eventData.OrderId, [WebhookEventTypes.OrderCreated], $"created:{eventData.OrderId:N}", null,
            cancellationToken);
    }

    public Task HandleEventAsync(OrderStatusChangedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var to = CatalogValues.WireName(eventData.To);
        List<string> types = [WebhookEventTypes.OrderStatusChanged];
        if ($"order.{to}" is var specific && WebhookEventTypes.All.Contains(specific)) types.Add(specific);
        var change = new { from = CatalogValues.WireName(eventData.From), to, reason = eventData.Reason };
        return QueueAsync(eventData.PartnerId, eventData.OrderId, types, $"status:{eventData.OrderId:N}:{to}", change, cancellationToken);
    }

    private async Task QueueAsync(Guid? partnerId, Guid orderId, IReadOnlyList<string> types, string eventKey, object? change,
        CancellationToken cancellationToken)
    {
        if (partnerId is not { } partner) return;
        // Once per partner and batch of events (this handler lives as long as the batch's scope), not once per event.
        if (!_subscriptions.TryGetValue(partner, out var subscriptions))
        {
            subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.PartnerId == partner && s.IsActive && !s.IsDeleted)
                .ToListAsync(cancellationToken);
            _subscriptions[partner] = subscriptions;
        }
        if (subscriptions.Count == 0) return;
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null) return;
        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            foreach (var type in types.Where(subscription.Wants))
            {
                var payload = JsonSerializer.Serialize(new { type, timestamp = now, data = new { order, change } }, Json);
                db.Deliveries.Add(new WebhookDelivery(Guid.CreateVersion7(), subscription, type, $"{type}:{eventKey}", orderId, payload,
                    now));
            }
        }
        signal.Notify();
        db.WakeAfterCommit(signal.Notify);
    }
}
