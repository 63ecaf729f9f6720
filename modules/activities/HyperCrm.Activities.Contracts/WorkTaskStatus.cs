using System.Text.Json.Serialization;

namespace HyperCrm.Activities;

public enum WorkTaskStatus
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
