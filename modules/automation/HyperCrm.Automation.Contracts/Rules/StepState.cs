using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Rules;

public enum StepState
{
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("retrying")] Retrying,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("decided")] Decided,

    /// <summary>Refused before it ran: an agent's call of a tool it was not granted, or with arguments its schema does not
    /// allow.</summary>
    [JsonStringEnumMemberName("refused")] Refused,
}
