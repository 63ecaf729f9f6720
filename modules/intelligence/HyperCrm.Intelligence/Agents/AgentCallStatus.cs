using System.Text.Json.Serialization;

namespace HyperCrm.Intelligence.Agents;

public enum AgentCallStatus
{
    /// <summary>The tool ran; its outputs went back to the model.</summary>
    [JsonStringEnumMemberName("done")] Done,

    /// <summary>Refused before running: a tool not granted, an argument the tool's schema does not allow, a record never shown.</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>The tool ran and failed; the error went back to the model.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>A person was asked to approve the call; the run waits.</summary>
    [JsonStringEnumMemberName("awaiting_approval")] AwaitingApproval,

    /// <summary>A person rejected the call, or nobody decided in time.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
}
