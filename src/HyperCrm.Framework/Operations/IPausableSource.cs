namespace HyperCrm.Framework.Operations;

/// <summary>
/// What of one kind can be paused (a module's rules, bots or connectors, the event consumers), and the pause itself: work
/// waits while paused, nothing is lost, and resuming drains it.
/// </summary>
public interface IPausableSource
{
    /// <summary>The kind of work (<see cref="WorkKinds"/>).</summary>
    string Kind { get; }

    Task<IReadOnlyList<PausableTarget>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Pauses or resumes; false when there is no such target.</summary>
    Task<bool> SetPausedAsync(string key, bool paused, string by, CancellationToken cancellationToken);
}
