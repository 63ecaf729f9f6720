namespace HyperCrm.Framework.Events;

/// <summary>
/// Carries causation through the event flow, so automation can stop a rule that keeps retriggering itself (directly or
/// through other rules): an event written while an automated action runs gets that action's depth, and a handler sees
/// the depth of the event it handles. Flows with the async context; a person's request has depth 0.
/// </summary>
public static class EventCausation
{
    private static readonly AsyncLocal<IncomingEvent?> Current = new();
    private static readonly AsyncLocal<int?> ActingDepth = new();

    /// <summary>The event being handled on this flow, if any.</summary>
    public static IncomingEvent? Incoming => Current.Value;

    /// <summary>The depth events written now get: the acting automation's depth, else 0.</summary>
    public static int Depth => ActingDepth.Value ?? 0;

    /// <summary>Marks the flow as handling <paramref name="incoming"/> until disposed.</summary>
    public static IDisposable Handling(IncomingEvent incoming)
    {
        var previous = Current.Value;
        Current.Value = incoming;
        return new Restore(() => Current.Value = previous);
    }

    /// <summary>Marks the flow as an automated action at <paramref name="depth"/>: events it causes carry that depth.</summary>
    public static IDisposable Acting(int depth)
    {
        var previous = ActingDepth.Value;
        ActingDepth.Value = depth;
        return new Restore(() => ActingDepth.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
