using System.Text.Json.Serialization;

namespace HyperCrm.Activities;

public enum ApprovalStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
}
