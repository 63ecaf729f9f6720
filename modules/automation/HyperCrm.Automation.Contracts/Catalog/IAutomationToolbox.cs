namespace HyperCrm.Automation.Catalog;

/// <summary>
/// Catalog actions as tools for an agent inside a step: the same actions rules call, with their typed parameters checked
/// before anything runs and the idempotency key <c>run:step:call</c>, so a tool call re-executed after a crash repeats
/// nothing and an agent can do nothing a rule step could not.
/// </summary>
public interface IAutomationToolbox
{
    /// <summary>The catalog entries of the named actions (unknown names are left out).</summary>
    IReadOnlyList<ActionDescriptor> Describe(IEnumerable<string> names);

    /// <summary>What is wrong with calling <paramref name="tool"/> with <paramref name="arguments"/> (an unknown tool, an
    /// unknown, missing or wrongly typed argument), or null when the call may run.</summary>
    string? Validate(string tool, IReadOnlyDictionary<string, object?> arguments);

    /// <summary>
    /// Calls <paramref name="tool"/> with <paramref name="arguments"/> for the step of <paramref name="step"/>, as call
    /// <paramref name="callId"/>; refused without running when the tool is not in <paramref name="granted"/>, is not in the
    /// catalog, or an argument is unknown, missing or of the wrong type.
    /// </summary>
    Task<ToolCallResult> CallAsync(ActionContext step, IReadOnlyCollection<string> granted, string callId, string tool,
        IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken);

    /// <summary>Opens a person's approval for the step (the call <paramref name="callId"/>), whose decision the run then waits
    /// for.</summary>
    Task<ToolCallResult> RequestApprovalAsync(ActionContext step, string callId, string title, string details,
        CancellationToken cancellationToken);
}
