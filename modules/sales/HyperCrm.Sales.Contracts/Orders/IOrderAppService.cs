using HyperCrm.Framework.Application;

namespace HyperCrm.Sales.Orders;

/// <summary>Orders for partners (pass their id: they see only their own, others are 404) and for staff (null).</summary>
public interface IOrderAppService
{
    Task<OrderDto> CreateAsync(CreateOrderDto input, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<OrderDto> GetAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<OrderCursorPageDto> GetPageAsync(Guid? partnerId, OrderStatus? status, string? externalId, int limit, string? cursor,
        CancellationToken cancellationToken = default);

    Task<PagedResultDto<OrderListItemDto>> GetListAsync(GetOrderListInput input, CancellationToken cancellationToken = default);

    Task<OrderDto> CancelAsync(Guid id, Guid? partnerId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>A person's move from the order page (hold, release, ship, deliver, complete, cancel, fail).</summary>
    Task<OrderDto> MoveAsync(Guid id, OrderMoveInput input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrderStepDto>> GetStepsAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);
}
