namespace HyperCrm.Automation.Catalog;

/// <summary>Wait until the trigger <paramref name="TriggerKey"/> fires with <paramref name="CorrelationId"/> among its
/// correlations.</summary>
public sealed record WaitRequest(string TriggerKey, Guid CorrelationId, TimeSpan Timeout)
{
    /// <summary>
    /// True when the step must be executed again once the event arrives (an agent that waited for a person's approval of one
    /// tool call goes on from there); false when the run goes on with the next step.
    /// </summary>
    public bool ReturnHere { get; init; }
}
