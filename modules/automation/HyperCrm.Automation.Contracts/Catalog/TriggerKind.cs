using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Catalog;

public enum TriggerKind
{
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("schedule")] Schedule,
    [JsonStringEnumMemberName("webhook")] Webhook,
    [JsonStringEnumMemberName("manual")] Manual,
}
