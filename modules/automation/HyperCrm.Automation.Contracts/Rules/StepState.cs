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
}
