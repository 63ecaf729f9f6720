namespace HyperCrm.Framework.Threading;

/// <summary>
/// Wakes a background worker when new work was written, so it does not wait for its safety-net poll. Several
/// notifications before the worker wakes count as one: one wake-up drains everything that is due.
/// Each worker has its own subclass, so each is its own singleton.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount != 0) return;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another thread a moment ago.
        }
    }

    /// <summary>Waits for a signal or the poll interval, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
