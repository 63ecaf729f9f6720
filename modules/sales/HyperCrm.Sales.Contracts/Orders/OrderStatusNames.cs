using System.Text.Json.Serialization;

namespace HyperCrm.Sales.Orders;

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
