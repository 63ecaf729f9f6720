namespace HyperCrm.Framework.Outbox;

/// <summary>Wakes the outbox dispatcher right after a commit that wrote events, so delivery does not wait for a poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled: one wake-up drains everything */ }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a signal or the poll interval, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
