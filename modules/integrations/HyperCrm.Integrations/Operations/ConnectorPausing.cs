using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Connectors;

namespace HyperCrm.Integrations.Operations;

/// <summary>
/// Pausing a connector: no call goes out to it; a run's step that needs it waits (no attempt spent) and goes on after the
/// resume, and the pollers leave it alone meanwhile.
/// </summary>
public sealed class ConnectorPausing(WorkPauses pauses) : IPausableSource
{
    public string Kind => WorkKinds.Connector;

    public async Task<IReadOnlyList<PausableTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var paused = (await pauses.PausedAsync(Kind, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return ConnectorNames.All.Select(n => new PausableTarget(Kind, n, n, "integrations", paused.Contains(n),
            $"/Settings/Integrations/Edit?name={n}")).ToList();
    }

    public async Task<bool> SetPausedAsync(string key, bool paused, string by, CancellationToken cancellationToken)
    {
        if (!ConnectorNames.All.Contains(key)) return false;
        if (paused) await pauses.PauseAsync(Kind, key, by, null, cancellationToken);
        else await pauses.ResumeAsync(Kind, key, cancellationToken);
        return true;
    }
}
