using System.Text.Json.Serialization;

namespace HyperCrm.Sales.Orders;

/// <summary>The order statuses of docs/api.md, with their wire names.</summary>
public enum OrderStatus
{
    [JsonStringEnumMemberName("new")] New,
    [JsonStringEnumMemberName("on_hold")] OnHold,
    [JsonStringEnumMemberName("awaiting_stock")] AwaitingStock,
    [JsonStringEnumMemberName("reserved")] Reserved,
    [JsonStringEnumMemberName("picking")] Picking,
    [JsonStringEnumMemberName("shipped")] Shipped,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("returned")] Returned,
}
