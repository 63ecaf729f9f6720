using System.Text.Json.Serialization;

namespace HyperCrm.Activities;

public enum WorkTaskPriority
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("urgent")] Urgent,
}
