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
}

public enum PaymentMethod
{
    [JsonStringEnumMemberName("card")] Card,
    [JsonStringEnumMemberName("cash")] Cash,
    [JsonStringEnumMemberName("invoice")] Invoice,
    [JsonStringEnumMemberName("sbp")] Sbp,
}

public static class OrderConsts
{
    public const int MaxExternalIdLength = 64;
    public const int MaxSkuLength = 64;
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;
    public const double MaxUnitPrice = 1_000_000_000;
    public const int MaxReasonLength = 500;
    public const int MaxTrackingNumberLength = 64;
    public const string CurrencyPattern = "^[A-Z]{3}$";
}

public static class OrderStatusNames
{
    private static readonly Dictionary<string, OrderStatus> ByWireName = Enum.GetValues<OrderStatus>()
        .ToDictionary(s => typeof(OrderStatus).GetField(s.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .Cast<JsonStringEnumMemberNameAttribute>().Single().Name, StringComparer.Ordinal);

    private static readonly Dictionary<OrderStatus, string> ByStatus = ByWireName.ToDictionary(p => p.Value, p => p.Key);

    public static IReadOnlyCollection<string> All => ByWireName.Keys;

    /// <summary>The status as the API writes it ("on_hold").</summary>
    public static string WireName(OrderStatus status) => ByStatus[status];

    /// <summary>Reads a status as the API writes it ("on_hold"); null for anything else.</summary>
    public static OrderStatus? Parse(string? wireName) =>
        wireName is not null && ByWireName.TryGetValue(wireName.Trim(), out var status) ? status : null;
}
