using System.Text.Json.Serialization;

namespace HyperCrm.Customers.Customers;

/// <summary>
/// Where a customer stands by their orders (recency, frequency, money spent), recomputed by the intelligence module after
/// each order and nightly: new (no or one order), repeat, VIP (the thresholds are in Settings → AI).
/// </summary>
public enum CustomerSegment
{
    [JsonStringEnumMemberName("new")] New,
    [JsonStringEnumMemberName("repeat")] Repeat,
    [JsonStringEnumMemberName("vip")] Vip,
}
