using System.Text.Json.Serialization;

namespace HyperCrm.Customers.Import;

public enum ImportStatus
{
    [JsonStringEnumMemberName("uploaded")] Uploaded,
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}
