namespace HyperCrm.Integrations.Webhooks;

/// <summary>The event types partners may subscribe to (docs/api.md).</summary>
public static class WebhookEventTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderStatusChanged = "order.status_changed";
    public const string OrderShipped = "order.shipped";
    public const string OrderDelivered = "order.delivered";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderCompleted = "order.completed";

    public static readonly IReadOnlyList<string> All = [OrderCreated, OrderStatusChanged, OrderShipped, OrderDelivered, OrderCancelled,
        OrderCompleted];
}
