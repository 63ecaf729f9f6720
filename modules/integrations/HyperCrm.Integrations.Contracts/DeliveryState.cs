using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Webhooks;

public enum DeliveryState
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("delivered")] Delivered,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
