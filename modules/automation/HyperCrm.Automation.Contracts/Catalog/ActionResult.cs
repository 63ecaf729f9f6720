using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Catalog;

/// <summary>
/// What an action did: a short summary for the run log (a message of the acting module's resource, worded for whoever
/// reads the log), outputs later steps may read, and optionally a wait.
/// </summary>
public sealed record ActionResult(Message Summary, IReadOnlyDictionary<string, object?>? Outputs = null)
{
    /// <summary>Set when the run must wait for an event (e.g. an approval's decision) carrying this correlation id.</summary>
    public WaitRequest? Wait { get; init; }

    /// <summary>
    /// What happened inside the step, entry by entry (an agent's model turns and tool calls): each is logged on the run
    /// once, by its key, however often the step is executed again.
    /// </summary>
    public IReadOnlyList<ActionTraceEntry> Trace { get; init; } = [];

    public static ActionResult Done(Message summary, IReadOnlyDictionary<string, object?>? outputs = null) => new(summary, outputs);
}
