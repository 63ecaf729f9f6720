using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Sales.Orders;

/// <summary>What other modules (connectors, webhooks) may ask of orders; no permission checks: callers act for the system.</summary>
public interface IOrderIntegrationService
{
    Task<OrderDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The customer's latest order, if any.</summary>
    Task<OrderDto?> FindLatestOfCustomerAsync(Guid customerId, CancellationToken cancellationToken = default);

    /// <summary>The order's customer, when the order exists and the partner (null: staff, the system) may see it.</summary>
    Task<Guid?> FindCustomerOfAsync(Guid orderId, Guid? partnerId, CancellationToken cancellationToken = default);

    /// <summary>The order a partner sent with this external id, if any.</summary>
    Task<OrderDto?> FindByExternalIdAsync(Guid partnerId, string externalId, CancellationToken cancellationToken = default);

    /// <summary>Adds a step to the order's history (an ERP document, a pick task, a message…) with its note,
    /// a message of the caller's resource. The same step twice is kept once.</summary>
    Task RecordStepAsync(Guid orderId, string what, ActorKind actor, string? actorName, Message? note,
        CancellationToken cancellationToken = default);

    /// <summary>Tells a waiting order (<c>awaiting_stock</c>) its missing SKUs are there again: raises
    /// <c>sales.order.stock_arrived</c> once per wait; false when the order is not waiting or was told already.</summary>
    Task<bool> StockArrivedAsync(Guid orderId, string skus, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default);

    /// <summary>Tells a waiting order the reservation after its stock arrived came back short (another order took the units
    /// first): a new wait begins, and the next arrival is told again. False when the order is not waiting for stock.</summary>
    Task<bool> StockStillShortAsync(Guid orderId, string skus, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default);

    /// <summary>The order's customer's history and the shop's usual, as of now; null when there is no such order.</summary>
    Task<OrderHistoryDto?> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken = default);

    /// <summary>The customers' order counts and spending (a customer with no counted order is left out).</summary>
    Task<IReadOnlyList<CustomerOrderStatsDto>> GetCustomerStatsAsync(IReadOnlyCollection<Guid> customerIds, DateTimeOffset since,
        CancellationToken cancellationToken = default);

    /// <summary>The next page of customers that ever ordered, by id after <paramref name="after"/> (for nightly passes).</summary>
    Task<IReadOnlyList<Guid>> GetOrderingCustomersAsync(Guid? after, int take, CancellationToken cancellationToken = default);

    /// <summary>The steps of the next <paramref name="take"/> orders by id after <paramref name="after"/>, oldest step first
    /// within each order: the history the process-mining log is rebuilt from.</summary>
    Task<IReadOnlyList<OrderStepRecordedEto>> GetStepHistoryAsync(Guid? after, int take, CancellationToken cancellationToken = default);

    /// <summary>Records a fraud-risk score on the order with its reasons (messages of the scorer's resource) and the model
    /// version that gave it.</summary>
    Task RecordRiskAsync(Guid orderId, decimal score, IReadOnlyList<Message> reasons, string model, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default);

    /// <summary>Records where the order's card payment stands (and why, for a refusal); the same news twice is kept once.</summary>
    Task RecordPaymentAsync(Guid orderId, PaymentState state, string? reason, ActorKind actor, string? actorName,
        CancellationToken cancellationToken = default);
}
