using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Rules;

public enum RunState
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("stopped")] Stopped,
    [JsonStringEnumMemberName("dead_lettered")] DeadLettered,
    [JsonStringEnumMemberName("cancelled")] Cancelled,

    /// <summary>Undoing what its completed steps did (stopped, or a step failed for good), last first.</summary>
    [JsonStringEnumMemberName("compensating")] Compensating,
}
