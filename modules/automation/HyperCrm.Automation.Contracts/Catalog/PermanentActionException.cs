namespace HyperCrm.Automation.Catalog;

/// <summary>An action failure that retrying cannot fix (bad parameters, a missing record): the step fails at once.</summary>
public sealed class PermanentActionException(string message) : Exception(message)
{
    /// <summary>What happened inside the step before it failed (an agent's turns and calls), logged on the run all the same.</summary>
    public IReadOnlyList<ActionTraceEntry> Trace { get; init; } = [];
}
