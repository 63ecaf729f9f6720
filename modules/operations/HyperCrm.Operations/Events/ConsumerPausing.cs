using HyperCrm.Framework.Events;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Outbox;

namespace HyperCrm.Operations.Events;

/// <summary>
/// Pausing a module's event consumer: its events stay in the outbox (the other consumers get them as usual) and are handed
/// to it, in order, after the resume.
/// </summary>
public sealed class ConsumerPausing(IEnumerable<DistributedEventHandlerRegistration> registrations, WorkPauses pauses, OutboxSignal signal)
    : IPausableSource
{
    public string Kind => WorkKinds.Consumer;

    public async Task<IReadOnlyList<PausableTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var paused = (await pauses.PausedAsync(Kind, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return registrations.DistinctBy(r => r.Consumer).OrderBy(r => r.Consumer, StringComparer.Ordinal)
            .Select(r => new PausableTarget(Kind, r.Consumer, r.HandlerType.Name, ModuleOf(r.HandlerType), paused.Contains(r.Consumer),
                null))
            .ToList();
    }

    public async Task<bool> SetPausedAsync(string key, bool paused, string by, CancellationToken cancellationToken)
    {
        if (!registrations.Any(r => r.Consumer == key)) return false;
        if (paused) await pauses.PauseAsync(Kind, key, by, null, cancellationToken);
        else await pauses.ResumeAsync(Kind, key, cancellationToken);
        if (!paused) signal.Notify();
        return true;
    }

    /// <summary>"HyperCrm.Analytics.Ingestion.EventLogFeed" → "analytics".</summary>
    private static string ModuleOf(Type handler) =>
        handler.Namespace?.Split('.') is [_, var module, ..] ? module.ToLowerInvariant() : "platform";
}
