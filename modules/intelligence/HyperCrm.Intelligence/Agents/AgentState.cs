using System.Text.Json.Serialization;

namespace HyperCrm.Intelligence.Agents;

public enum AgentState
{
    [JsonStringEnumMemberName("working")] Working,
    [JsonStringEnumMemberName("awaiting_approval")] AwaitingApproval,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
}
