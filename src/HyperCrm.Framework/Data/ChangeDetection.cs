using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HyperCrm.Framework.Data;

public static class ChangeDetection
{
    /// <summary>
    /// Turns automatic change detection off until disposed, then back to what it was. For reading the tracker's list of
    /// entries (or changing states) where a detection pass over every tracked entity, which each scan of the tracker
    /// would otherwise start, finds nothing new: a context tracking a whole batch of runs pays for it on every call.
    /// </summary>
    public static Paused Pause(this ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var previous = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        return new Paused(tracker, previous);
    }

    public readonly struct Paused(ChangeTracker tracker, bool previous) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = previous;
    }
}
