namespace HyperCrm.Framework.Hosting;

/// <summary>
/// Whether the database is reachable and fully migrated. Until it is, the host answers 503 with the
/// reason, and background work (outbox, scheduler, seeding) waits.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Why the app is not ready, for people: unreachable, or which migrations are pending.</summary>
    public string Reason { get; private set; } = "The database has not been checked yet.";

    public void MarkNotReady(string reason) => Reason = reason;

    public void MarkReady()
    {
        Reason = "Ready.";
        _ready.TrySetResult();
    }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}
