namespace HyperCrm.Sales.Orders;

public sealed record OrderDto(
    Guid Id,
    long Number,
    string? ExternalId,
    OrderStatus Status,
    Guid CustomerId,
    string CustomerName,
    string Currency,
    decimal Total,
    PaymentMethod PaymentMethod,
    ShippingAddressDto ShippingAddress,
    IReadOnlyList<OrderLineDto> Lines,
    string? TrackingNumber,
    string? Segment,
    decimal? RiskScore,
    IReadOnlyList<string> RiskReasons,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastModificationTime,
    PaymentState? PaymentState = null,
    string? PaymentReason = null,
    string? RiskModel = null);
