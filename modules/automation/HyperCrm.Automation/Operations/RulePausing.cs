using HyperCrm.Automation.Data;
using HyperCrm.Automation.Engine;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Operations;

/// <summary>
/// Pausing a rule: its runs are still started by their events (nothing is lost) but wait, pending, and the ones under way
/// stop where they are; the resume wakes the worker, which drains them.
/// </summary>
public sealed class RulePausing(AutomationDbContext db, WorkPauses pauses, RunSignal signal) : IPausableSource
{
    public string Kind => WorkKinds.Rule;

    public async Task<IReadOnlyList<PausableTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var paused = (await pauses.PausedAsync(Kind, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rules = await db.Rules.AsNoTracking().Where(r => r.ActiveVersionId != null).OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        return rules.Select(r => new PausableTarget(Kind, r.Id.ToString(), r.Name, "automation", paused.Contains(r.Id.ToString()),
            $"/Settings/Automation/Edit?id={r.Id}")).ToList();
    }

    public async Task<bool> SetPausedAsync(string key, bool paused, string by, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id) || !await db.Rules.AsNoTracking().AnyAsync(r => r.Id == id, cancellationToken)) return false;
        if (paused) await pauses.PauseAsync(Kind, id.ToString(), by, null, cancellationToken);
        else await pauses.ResumeAsync(Kind, id.ToString(), cancellationToken);
        if (!paused) signal.Notify();
        return true;
    }
}
