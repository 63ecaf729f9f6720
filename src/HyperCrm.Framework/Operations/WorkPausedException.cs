namespace HyperCrm.Framework.Operations;

/// <summary>
/// The work asked for is paused by an operator (a connector): not a failure. A run's step that meets it waits and tries
/// again later, without spending an attempt.
/// </summary>
public sealed class WorkPausedException(string kind, string key)
    : Exception($"The {kind} '{key}' is paused by an operator; the work waits until it is resumed.")
{
    public string Kind { get; } = kind;
    public string Key { get; } = key;
}
