using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Rules;

public enum StepKind
{
    /// <summary>Calls a catalog action.</summary>
    [JsonStringEnumMemberName("action")] Action,

    /// <summary>If the condition holds, the "then" steps, else the "else" steps.</summary>
    [JsonStringEnumMemberName("branch")] Branch,

    /// <summary>Waits for a delay.</summary>
    [JsonStringEnumMemberName("wait")] Wait,

    /// <summary>Waits until an event about the same subject arrives (or the timeout passes: <c>wait.timed_out</c>).</summary>
    [JsonStringEnumMemberName("wait_for_event")] WaitForEvent,

    /// <summary>Opens an approval for a person and waits for the decision (<c>approval.approved</c>).</summary>
    [JsonStringEnumMemberName("approval")] Approval,

    /// <summary>Ends the run here.</summary>
    [JsonStringEnumMemberName("stop")] Stop,
}
