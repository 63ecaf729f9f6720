using System.Text.Json.Serialization;

namespace HyperCrm.Activities.Messages;

/// <summary>How a customer's message reached us.</summary>
public enum MessageChannel
{
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("sms")] Sms,
    [JsonStringEnumMemberName("chat")] Chat,
    [JsonStringEnumMemberName("other")] Other,
}
